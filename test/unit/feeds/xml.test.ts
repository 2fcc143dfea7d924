import { describe, expect, test } from 'vitest';
import { xmlText } from '@/lib/feeds/xml';

describe('xmlText', () => {
  test('removes C0 controls but keeps tab, line feed and carriage return', () => {
    expect(xmlText('a\u0000b\u0001c\u0008d\u000Be\u000Cf\u001Fg')).toBe('abcdefg');
    expect(xmlText('一\t二\n三\r四')).toBe('一\t二\n三\r四');
  });

  test('removes DEL and C1 controls pasted from Windows-1252 text', () => {
    expect(xmlText('开发区\u007F\u0080\u0092\u009F新闻')).toBe('开发区新闻');
  });

  test('removes lone surrogates and the non-characters U+FFFE and U+FFFF', () => {
    expect(xmlText('a\uD800b\uDC00c\uFFFEd\uFFFF')).toBe('abcd');
  });

  test('keeps Chinese, full-width punctuation, no-break spaces and characters beyond the BMP', () => {
    const text = '盐城经开区：“招商引资”\u00A0— 𠮷野家 😀';
    expect(xmlText(text)).toBe(text);
  });

  test('leaves markup characters for the XML writer to escape', () => {
    expect(xmlText('<b>&"]]>')).toBe('<b>&"]]>');
  });
});
