import { getImage } from 'astro:assets';
import type { ImageFacts } from '@/lib/build/image-facts';
import {
  fallbackFormat,
  imageMetadata,
  isEncodable,
  MIME,
  shareBox,
  slotBox,
  slotWidths,
  SLOTS,
  type PictureSlot,
  type ShareImage,
} from '@/lib/site/picture-slots';
import { publicFilePath } from '@/lib/site/urls';
import { coverType } from '@/lib/content/covers';

/**
 * Pictures through Astro's image pipeline (astro:assets `getImage`, its sharp service): AVIF and
 * WebP sources and a JPEG or PNG fallback, in the widths of each slot (src/lib/site/picture-slots.ts).
 *
 * Covers and body pictures are files under public/, named by the URL path editors write, which
 * Astro leaves alone. They are handed to getImage as the metadata of a local image (what an
 * `import` of a picture gives): its path, real width, height and format, plus the digest of its
 * bytes. Astro then treats it as its own: it reads the file from the output folder (public/ is
 * copied there before pictures are encoded), writes each transform beside it as
 * `<name>_<hash>.<format>`, and keeps the encoded file in its cache folder
 * (ASTRO_CACHE_FILES.optimizedImages) under the same name. The hash covers the metadata, the
 * digest included, so a warm build copies every unchanged picture from the cache instead of
 * encoding it, and a picture replaced under the same name gets new files.
 */

export interface PictureSource {
  type: string;
  srcset: string;
}

/** What a `<picture>` needs; `sources` is empty for a picture shown as it is (SVG, GIF, remote). */
export interface Picture {
  sources: PictureSource[];
  src: string;
  srcset?: string;
  sizes?: string;
  /** Absent only for a remote picture the build could not read. */
  width?: number;
  height?: number;
}

/**
 * One format of a slot's picture. The AVIF and WebP sources come in every width of the slot; the
 * fallback, for browsers that read neither (none current), in the largest alone. Why not every
 * width there too: Astro's incremental build records every file a page asks for (about 450
 * bytes each) in one JSON string, and five fewer a picture keeps the record of a large archive
 * within what a string can hold (src/lib/site/thumbnail-url.ts).
 */
async function encoded(facts: ImageFacts, slot: PictureSlot, format: 'avif' | 'webp' | 'jpg' | 'png', widths = true) {
  const box = slotBox(facts, slot);
  return getImage({
    src: imageMetadata(facts),
    width: box.width,
    height: box.height,
    ...(widths && { widths: slotWidths(facts, slot) }),
    format,
    ...(SLOTS[slot].crop && { fit: 'cover' as const }),
  });
}

/**
 * A picture for a slot. Width and height are the real picture's (a thumbnail's: its 16:9 crop's),
 * so the browser reserves its box before it arrives. `src` is the picture as the article names
 * it; `facts` is undefined only for a remote picture the build could not read, which is shown
 * from its server without a size.
 */
export async function picture(src: string, facts: ImageFacts | undefined, slot: PictureSlot): Promise<Picture> {
  if (!facts || !isEncodable(facts)) {
    return { sources: [], src: publicFilePath(src), width: facts?.width, height: facts?.height };
  }
  const fallback = fallbackFormat(facts);
  const [avif, webp, plain] = await Promise.all([
    encoded(facts, slot, 'avif'),
    encoded(facts, slot, 'webp'),
    encoded(facts, slot, fallback, false),
  ]);
  const box = SLOTS[slot].crop ? slotBox(facts, slot) : facts;
  return {
    sources: [
      { type: MIME.avif, srcset: avif.srcSet.attribute },
      { type: MIME.webp, srcset: webp.srcSet.attribute },
    ],
    src: plain.src,
    sizes: SLOTS[slot].sizes,
    width: box.width,
    height: box.height,
  };
}

/**
 * The link-preview picture (og:image and the article's structured data). A local picture the
 * pipeline encodes: one JPEG (PNG with transparency) at 1200x630, cropped around the centre. A
 * GIF or a remote picture: itself. An SVG: none, as link previews do not show SVG.
 */
export async function shareImage(src: string, facts: ImageFacts | undefined): Promise<ShareImage | undefined> {
  if (facts?.format === 'svg') return undefined;
  if (!facts || !isEncodable(facts)) {
    return { url: publicFilePath(src), width: facts?.width, height: facts?.height, type: coverType(src) };
  }
  const box = shareBox(facts);
  const format = fallbackFormat(facts);
  const image = await getImage({ src: imageMetadata(facts), width: box.width, height: box.height, format, fit: 'cover' });
  return { url: image.src, width: box.width, height: box.height, type: MIME[format] ?? 'image/jpeg' };
}
