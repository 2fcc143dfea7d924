import type { ImageMetadata } from 'astro';
import type { ImageFacts } from '@/lib/build/image-facts';

/**
 * The places a picture fills and the widths encoded for each (src/lib/site/pictures.ts encodes
 * them through Astro's image pipeline). `sizes` follows the stylesheet (src/styles/global.css):
 * the article column is at most 38 characters of 1.0625rem text (40.375rem) inside a 1rem
 * padding, the whole width of a phone less that padding; a listing thumbnail is 6rem wide on a
 * phone and 10rem from 48rem up, always 16:9. The widths cover those boxes at 1x to 3x
 * (phones) and 2x (desktops).
 */

export type PictureSlot = 'article' | 'body' | 'thumbnail';

interface SlotSpec {
  widths: readonly number[];
  sizes: string;
  /** The 16:9 crop of a thumbnail; pictures in the article keep their own shape. */
  crop?: { width: number; height: number };
}

const COLUMN_SIZES = '(min-width: 42.375rem) 40.375rem, calc(100vw - 2rem)';

export const SLOTS: Record<PictureSlot, SlotSpec> = {
  article: { widths: [360, 540, 720, 960, 1280], sizes: COLUMN_SIZES },
  body: { widths: [360, 540, 720, 960, 1280], sizes: COLUMN_SIZES },
  thumbnail: { widths: [96, 160, 192, 288, 320], sizes: '(min-width: 48rem) 10rem, 6rem', crop: { width: 16, height: 9 } },
};

/** The picture a link preview shows (og:image): 1200x630, the size Facebook, WeChat and X ask for. */
export const SHARE_SIZE = { width: 1200, height: 630 } as const;

/** An article's link-preview picture (og:image, structured data), made by src/lib/site/pictures.ts shareImage. */
export interface ShareImage {
  /** A path from the site's root under its base, or a remote picture's URL. */
  url: string;
  /** Absent for a remote picture the build could not read. */
  width?: number;
  height?: number;
  type: string;
}

/** The media type of each format the pipeline writes. */
export const MIME: Record<string, string> = { avif: 'image/avif', webp: 'image/webp', jpg: 'image/jpeg', png: 'image/png' };

/** Formats the pipeline reads and encodes; others (SVG, GIF, TIFF…) are shown as they are. */
const ENCODABLE = new Set(['jpeg', 'png', 'webp', 'avif']);

/** Whether a picture goes through the image pipeline: a local raster file of a format browsers and sharp share. */
export function isEncodable(facts: ImageFacts): boolean {
  return !/^https?:\/\//i.test(facts.src) && ENCODABLE.has(facts.format);
}

/**
 * The fallback format for browsers without AVIF and WebP: JPEG, or PNG for a picture with an
 * alpha channel (JPEG would put it on black).
 */
export function fallbackFormat(facts: ImageFacts): 'jpg' | 'png' {
  return facts.hasAlpha ? 'png' : 'jpg';
}

/** The largest box of the given shape inside the picture (a crop never enlarges). */
export function cropBox(facts: ImageFacts, shape: { width: number; height: number }): { width: number; height: number } {
  const width = Math.min(facts.width, Math.floor((facts.height * shape.width) / shape.height));
  return { width, height: Math.round((width * shape.height) / shape.width) };
}

/** The size of a slot's largest file: the source's own shape (or the crop's), at most the slot's widest width. */
export function slotBox(facts: ImageFacts, slot: PictureSlot): { width: number; height: number } {
  const { widths, crop } = SLOTS[slot];
  const box = crop ? cropBox(facts, crop) : { width: facts.width, height: facts.height };
  const width = Math.min(box.width, widths.at(-1) ?? box.width);
  return { width, height: Math.round((width * box.height) / box.width) };
}

/** The widths encoded for a slot: its widths up to the source's, plus the largest the source allows when it falls between. */
export function slotWidths(facts: ImageFacts, slot: PictureSlot): number[] {
  const max = slotBox(facts, slot).width;
  const widths = SLOTS[slot].widths.filter((width) => width < max);
  return [...widths, max];
}

/** The link-preview size: 1200x630, or the largest 1200:630 crop of a smaller picture. */
export function shareBox(facts: ImageFacts): { width: number; height: number } {
  const box = cropBox(facts, SHARE_SIZE);
  return box.width >= SHARE_SIZE.width ? { ...SHARE_SIZE } : box;
}

/**
 * A picture as getImage takes it (src/lib/site/pictures.ts): the metadata of a local image (what an
 * `import` of a picture gives) plus the digest of its bytes, which Astro's transform hash covers,
 * so encoded files change name when the picture changes.
 */
export function imageMetadata(facts: ImageFacts): ImageMetadata {
  const meta = { src: facts.src, width: facts.width, height: facts.height, format: facts.format, digest: facts.digest };
  return meta as ImageMetadata;
}
