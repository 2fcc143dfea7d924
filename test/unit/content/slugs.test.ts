import { describe, expect, test } from 'vitest';
import { toSlug } from '@/lib/content/slugs';

describe('toSlug', () => {
  test('a city becomes its pinyin', () => {
    expect(toSlug('盐城')).toBe('yancheng');
    expect(toSlug('苏州')).toBe('suzhou');
  });

  test('zone and office names are split into words at known terms', () => {
    expect(toSlug('盐城经济技术开发区')).toBe('yancheng-jingji-jishu-kaifaqu');
    expect(toSlug('苏州工业园区')).toBe('suzhou-gongye-yuanqu');
    expect(toSlug('盐城经济技术开发区管委会')).toBe('yancheng-jingji-jishu-kaifaqu-guanweihui');
    expect(toSlug('江宁经济技术开发区招商局')).toBe('jiangning-jingji-jishu-kaifaqu-zhaoshangju');
  });

  test('polyphonic place names are read in context', () => {
    expect(toSlug('重庆')).toBe('chongqing');
  });

  test('path characters never survive', () => {
    for (const name of ['../etc/passwd', '盐城/../../x', 'a\\b', '区?#%', ' 空 格 ']) {
      const slug = toSlug(name);
      expect(slug).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    }
    expect(toSlug('../etc/passwd')).toBe('etc-passwd');
  });

  test('names with nothing to spell get their code points: stable, readable, distinct', () => {
    expect(toSlug('🎉')).toBe('u1f389');
    expect(toSlug('🎈')).toBe('u1f388');
    // Han characters pinyin-pro does not know (CJK Extension B), kana.
    expect(toSlug('𠀀')).toBe('u20000');
    expect(toSlug('さくら')).toBe('u3055-u304f-u3089');
    // Past four characters the rest is a short hash.
    expect(toSlug('🎉🎉🎉🎉🎉')).toMatch(/^u1f389-u1f389-u1f389-u1f389-[a-z0-9]+$/);
    expect(toSlug('🎉🎉🎉🎉🎉')).not.toBe(toSlug('🎉🎉🎉🎉🎈'));
  });

  test('names of digits or Latin letters only are their own readable slug', () => {
    expect(toSlug('12345')).toBe('12345');
    expect(toSlug('CCTV')).toBe('cctv');
    expect(toSlug('ＣＣＴＶ 新闻')).toBe('cctv-xinwen');
    expect(toSlug('Café de Paris')).toBe('cafe-de-paris');
  });

  test('homophones spell one slug: the assignment tells them apart', () => {
    expect(toSlug('泰州市商务局')).toBe(toSlug('台州市商务局'));
    expect(toSlug('苏州')).toBe(toSlug('宿州'));
  });

  test('Latin letters and digits are kept, lower-cased', () => {
    expect(toSlug('2023-04-07-Kaigong')).toBe('2023-04-07-kaigong');
  });
});
