import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { expect, test } from 'vitest';
import { imageFactsOf, localImageFacts } from '@/lib/build/image-facts';

const picture = (width: number, height: number, channels: 3 | 4 = 3) =>
  sharp({ create: { width, height, channels, background: { r: 200, g: 30, b: 30, alpha: 0.5 } } });

test('width, height, format, length and digest come from the bytes', async () => {
  const jpeg = await picture(640, 360).jpeg().toBuffer();
  const facts = await imageFactsOf('/images/a.jpg', jpeg);
  expect(facts).toMatchObject({ src: '/images/a.jpg', width: 640, height: 360, format: 'jpeg', bytes: jpeg.byteLength, hasAlpha: false });
  expect(facts?.digest).toMatch(/^[\w-]{16}$/);
  const other = await imageFactsOf('/images/a.jpg', await picture(640, 360).jpeg({ quality: 20 }).toBuffer());
  expect(other?.digest).not.toBe(facts?.digest);
});

test('the size a browser shows: EXIF orientation 6 (rotated 90°) swaps width and height', async () => {
  const rotated = await picture(640, 360).jpeg().withMetadata({ orientation: 6 }).toBuffer();
  expect(await imageFactsOf('/images/r.jpg', rotated)).toMatchObject({ width: 360, height: 640 });
});

test('AVIF is named avif (sharp says heif), PNG with alpha says so', async () => {
  expect(await imageFactsOf('/a.avif', await picture(64, 36).avif().toBuffer())).toMatchObject({ format: 'avif' });
  expect(await imageFactsOf('/a.png', await picture(64, 36, 4).png().toBuffer())).toMatchObject({ format: 'png', hasAlpha: true });
});

test('a file that is no picture, or no file, has no facts', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'devzone-image-facts-'));
  writeFileSync(join(dir, 'not.jpg'), 'hello');
  expect(await localImageFacts('/not.jpg', join(dir, 'not.jpg'))).toBeUndefined();
  expect(await localImageFacts('/none.jpg', join(dir, 'none.jpg'))).toBeUndefined();
});
