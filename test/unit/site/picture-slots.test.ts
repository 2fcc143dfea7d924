import { describe, expect, test } from 'vitest';
import type { ImageFacts } from '@/lib/build/image-facts';
import { cropBox, fallbackFormat, isEncodable, shareBox, slotBox, slotWidths } from '@/lib/site/picture-slots';

const facts = (width: number, height: number, change: Partial<ImageFacts> = {}): ImageFacts => ({
  src: '/images/a.jpg',
  width,
  height,
  format: 'jpeg',
  bytes: 1000,
  hasAlpha: false,
  digest: 'AAAAAAAAAAAAAAAA',
  ...change,
});

describe('slotWidths', () => {
  test('the slot widths up to the source, the largest file never wider than the slot needs', () => {
    expect(slotWidths(facts(1600, 900), 'article')).toEqual([360, 540, 720, 960, 1280]);
    expect(slotWidths(facts(1600, 900), 'thumbnail')).toEqual([96, 160, 192, 288, 320]);
  });

  test('a small source ends at its own width: nothing is enlarged', () => {
    expect(slotWidths(facts(800, 600), 'body')).toEqual([360, 540, 720, 800]);
    expect(slotWidths(facts(300, 200), 'article')).toEqual([300]);
  });

  test('a thumbnail is a 16:9 crop: a tall source gives its widest 16:9 box', () => {
    expect(cropBox(facts(600, 900), { width: 16, height: 9 })).toEqual({ width: 600, height: 338 });
    expect(cropBox(facts(400, 180), { width: 16, height: 9 })).toEqual({ width: 320, height: 180 });
    expect(slotBox(facts(400, 180), 'thumbnail')).toEqual({ width: 320, height: 180 });
    expect(slotWidths(facts(200, 100), 'thumbnail')).toEqual([96, 160, 177]);
  });

  test("the article's files keep the source's shape", () => {
    expect(slotBox(facts(3000, 2000), 'article')).toEqual({ width: 1280, height: 853 });
  });
});

describe('shareBox', () => {
  test('1200x630 from a large enough source, else the largest 1200:630 crop', () => {
    expect(shareBox(facts(1600, 900))).toEqual({ width: 1200, height: 630 });
    expect(shareBox(facts(4000, 4000))).toEqual({ width: 1200, height: 630 });
    expect(shareBox(facts(800, 600))).toEqual({ width: 800, height: 420 });
  });
});

describe('formats', () => {
  test('JPEG falls back to JPEG; a picture with transparency to PNG', () => {
    expect(fallbackFormat(facts(10, 10))).toBe('jpg');
    expect(fallbackFormat(facts(10, 10, { format: 'png', hasAlpha: true }))).toBe('png');
  });

  test('local JPEG, PNG, WebP and AVIF are encoded; SVG, GIF and remote pictures are shown as they are', () => {
    for (const format of ['jpeg', 'png', 'webp', 'avif']) expect(isEncodable(facts(10, 10, { format }))).toBe(true);
    expect(isEncodable(facts(10, 10, { format: 'svg' }))).toBe(false);
    expect(isEncodable(facts(10, 10, { format: 'gif' }))).toBe(false);
    expect(isEncodable(facts(10, 10, { src: 'https://cdn.example.org/a.jpg' }))).toBe(false);
  });
});
