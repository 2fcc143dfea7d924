import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, test } from 'vitest';
import { ICO_ICON, ICON_FILES, iconSvg, icoFile, PNG_ICONS, readIco, SVG_ICON, TAB_SHAPE } from '@/lib/site/icons';
import { renderIcons, renderPng } from '@/lib/site/icons-render';
import { SITE } from '@/site.config';

const publicDir = join(import.meta.dirname, '../../../public');
const committed = (file: string) => readFileSync(join(publicDir, file));

/**
 * The largest difference of two same-sized images' RGBA bytes, 0–255. Compared as pictures, not
 * bytes: another libvips may anti-alias an edge a few shades apart or compress differently, while
 * a changed mark or colour moves whole pixels from blue to white.
 */
async function maxDifference(a: Uint8Array, b: Uint8Array): Promise<number> {
  const [left, right] = await Promise.all([a, b].map((png) => sharp(png).ensureAlpha().raw().toBuffer()));
  expect(left.length).toBe(right.length);
  let max = 0;
  for (let i = 0; i < left.length; i++) max = Math.max(max, Math.abs(left[i] - right[i]));
  return max;
}

describe('the committed icons are what npm run icons writes', async () => {
  const rendered = await renderIcons();

  test('it writes every file of ICON_FILES', () => {
    expect([...rendered.keys()].sort()).toEqual([...ICON_FILES].sort());
  });

  test('favicon.svg, byte for byte', () => {
    expect(committed(SVG_ICON).toString('utf8')).toBe(iconSvg(TAB_SHAPE));
  });

  test.each(PNG_ICONS.map((icon) => [icon.file, icon] as const))('%s: its declared size, and the same picture', async (file, icon) => {
    const png = committed(file);
    expect(await sharp(png).metadata()).toMatchObject({ format: 'png', width: icon.size, height: icon.size });
    expect(await maxDifference(png, rendered.get(file) as Uint8Array)).toBeLessThan(48);
  });

  test('favicon.ico holds a PNG of each declared size, the same pictures', async () => {
    const images = readIco(committed(ICO_ICON.file));
    expect(images.map((image) => image.size)).toEqual([...ICO_ICON.sizes]);
    for (const { size, png } of images) {
      expect(await sharp(png).metadata()).toMatchObject({ format: 'png', width: size, height: size });
      expect(await maxDifference(png, await renderPng(ICO_ICON.shape, size))).toBeLessThan(48);
    }
  });
});

describe('iconSvg', () => {
  test('the ground is the theme colour, rounded for tabs and square for platforms that cut their own shape', () => {
    expect(iconSvg(TAB_SHAPE)).toContain(`<rect width="64" height="64" rx="12" fill="${SITE.colours.theme}"/>`);
    expect(iconSvg({ corner: 0, scale: 1 })).toContain(`<rect width="64" height="64" fill="${SITE.colours.theme}"/>`);
  });

  test('a smaller mark is scaled about the centre', () => {
    expect(iconSvg({ corner: 0, scale: 0.8 })).toContain('transform="translate(32 32) scale(0.8) translate(-32 -32)"');
  });
});

describe('icoFile', () => {
  const png = (byte: number, length: number) => new Uint8Array(length).fill(byte);

  test('a header, one entry per image, then the images, read back by readIco', () => {
    const ico = icoFile([
      { size: 16, png: png(1, 3) },
      { size: 256, png: png(2, 5) },
    ]);
    expect([...ico.subarray(0, 6)]).toEqual([0, 0, 1, 0, 2, 0]);
    // 256 is written as 0; 32 bits per pixel; 3 bytes at offset 6 + 2 × 16.
    expect([...ico.subarray(6, 22)]).toEqual([16, 16, 0, 0, 1, 0, 32, 0, 3, 0, 0, 0, 38, 0, 0, 0]);
    expect(ico.length).toBe(38 + 3 + 5);
    expect(readIco(ico)).toEqual([
      { size: 16, png: png(1, 3) },
      { size: 256, png: png(2, 5) },
    ]);
  });

  test('an image larger than 256 pixels cannot be in an ICO', () => {
    expect(() => icoFile([{ size: 512, png: png(0, 1) }])).toThrow('an ICO image is 1 to 256 pixels wide, not 512');
  });

  test('readIco refuses what is not an icon', () => {
    expect(() => readIco(new TextEncoder().encode('<svg/>'))).toThrow('not an ICO file');
  });
});

describe('SITE.colours', () => {
  const css = readFileSync(join(import.meta.dirname, '../../../src/styles/global.css'), 'utf8');

  test('theme is --brand of the stylesheet, background the page background (both of the light scheme)', () => {
    const light = /\n:root \{[^}]*\}/.exec(css)?.[0] ?? '';
    expect(light).toMatch(new RegExp(`--brand:\\s*${SITE.colours.theme};`, 'i'));
    const body = /\nbody \{[^}]*\}/.exec(css)?.[0] ?? '';
    expect(body).toMatch(/background:\s*var\(--bg\);/);
    const background = /--bg:\s*(#[0-9a-f]+)/i.exec(light)?.[1] ?? '';
    const full = (hex: string) => (hex.length === 4 ? `#${[...hex.slice(1)].map((c) => c + c).join('')}` : hex).toLowerCase();
    expect(full(background)).toBe(full(SITE.colours.background));
  });
});
