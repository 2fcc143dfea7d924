import { load } from 'cheerio';
import { expect, test } from 'vitest';
import type { ImageFacts } from '@/lib/build/image-facts';
import { withPictures } from '@/lib/site/body-pictures';
import type { Picture } from '@/lib/site/pictures';

const facts: ImageFacts = {
  src: '/images/a.jpg',
  width: 1600,
  height: 1200,
  format: 'jpeg',
  bytes: 1,
  hasAlpha: false,
  digest: 'AAAAAAAAAAAAAAAA',
};
const make = async (src: string, of: ImageFacts): Promise<Picture> => ({
  sources: [{ type: 'image/avif', srcset: `${src}-360.avif 360w` }],
  src: `${src}-960.jpg`,
  srcset: `${src}-360.jpg 360w, ${src}-960.jpg 960w`,
  sizes: '100vw',
  width: of.width,
  height: of.height,
});

test("the site's own pictures become <picture> with real size, lazy; alt and title stay; others are left", async () => {
  const html =
    '<p>前文</p><p><img src="/images/a.jpg" alt="厂房" title="新厂房"></p><p><img src="https://cdn.example.org/b.jpg" alt="远程"></p>';
  const $ = load(await withPictures(html, { '/images/a.jpg': facts }, make), null, false);
  const img = $('picture img');
  expect($('picture source').attr('type')).toBe('image/avif');
  expect($('picture source').attr('srcset')).toBe('/images/a.jpg-360.avif 360w');
  expect($('picture source').attr('sizes')).toBe('100vw');
  expect(img.attr('src')).toBe('/images/a.jpg-960.jpg');
  expect(img.attr('srcset')).toBe('/images/a.jpg-360.jpg 360w, /images/a.jpg-960.jpg 960w');
  expect([img.attr('width'), img.attr('height'), img.attr('loading'), img.attr('alt'), img.attr('title')]).toEqual([
    '1600',
    '1200',
    'lazy',
    '厂房',
    '新厂房',
  ]);
  expect($('img[src="https://cdn.example.org/b.jpg"]').parent().is('p')).toBe(true);
  expect($('p').first().text()).toBe('前文');
});

test('a body without pictures of the site is returned as it was', async () => {
  const html = '<p>没有图片 &amp; 表格</p>';
  expect(await withPictures(html, { '/images/a.jpg': facts }, make)).toBe(html);
  expect(await withPictures('<p><img src="/images/b.jpg" alt=""></p>', {}, make)).toBe('<p><img src="/images/b.jpg" alt=""></p>');
});
