import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import sharp from 'sharp';

/**
 * What the build knows of one picture, read from its bytes: pages give it its real width and
 * height (no layout shift, no fixed 16:9 label), feeds its byte length, and the image pipeline
 * (src/lib/site/pictures.ts) names its encoded copies by its digest, so a picture replaced under
 * the same name is encoded again and an unchanged one never is.
 */
export interface ImageFacts {
  /** As the article names it: a path from the site's root (`/images/a.jpg`) or an http(s) URL. */
  src: string;
  /** Displayed width and height, after the EXIF orientation that browsers and the encoder apply. */
  width: number;
  height: number;
  /** The format, by sharp's names except AVIF: jpeg, png, webp, avif, gif, svg… */
  format: string;
  /** The file's length in bytes. */
  bytes: number;
  hasAlpha: boolean;
  /** SHA-256 of the bytes, 16 base64url characters. */
  digest: string;
}

/** The facts of a picture from its bytes, or undefined when sharp cannot read them as an image. */
export async function imageFactsOf(src: string, data: Uint8Array): Promise<ImageFacts | undefined> {
  try {
    const meta = await sharp(data).metadata();
    const { width, height } = meta.autoOrient;
    if (!width || !height) return undefined;
    return {
      src,
      width,
      height,
      // sharp names AVIF by its container (HEIF) and codec.
      format: meta.format === 'heif' && meta.compression === 'av1' ? 'avif' : meta.format,
      bytes: data.byteLength,
      hasAlpha: meta.hasAlpha,
      digest: createHash('sha256').update(data).digest('base64url').slice(0, 16),
    };
  } catch {
    return undefined;
  }
}

/** The facts of a local picture file, or undefined when it cannot be read as an image. */
export async function localImageFacts(src: string, file: string): Promise<ImageFacts | undefined> {
  let data: Buffer;
  try {
    data = await readFile(file);
  } catch {
    return undefined;
  }
  return imageFactsOf(src, data);
}
