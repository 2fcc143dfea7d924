import { hashTransform, propsToFilename } from 'astro/assets/utils/node';
import type { ImageFacts } from '@/lib/build/image-facts';
import { imageMetadata, isEncodable, slotBox } from '@/lib/site/picture-slots';
import { publicFilePath } from '@/lib/site/urls';

/**
 * The URL of an article's small thumbnail: its cover's largest listing thumbnail (320x180 at most,
 * 16:9, WebP), for places outside Astro's pages that show covers, such as search results (the
 * search records are made by an integration, where getImage does not run). Every cover has this
 * file: each article is in the all-news listing, which shows its thumbnail. The name is the one
 * Astro gives that transform (its `hashTransform` and `propsToFilename`, from the same fields
 * getImage hashes); test/build/site.test.ts checks it against the listing's srcset. A cover the
 * pipeline does not encode (SVG, GIF) is its own path; a remote one its URL.
 */
export function thumbnailUrl(cover: string, facts: ImageFacts | undefined): string {
  if (!facts || !isEncodable(facts)) return publicFilePath(cover);
  const transform = { src: imageMetadata(facts), ...slotBox(facts, 'thumbnail'), format: 'webp' as const, fit: 'cover' as const };
  // The service's entrypoint is part of the hash: astro.config.mjs uses sharpImageService().
  const hash = hashTransform(transform, 'astro/assets/services/sharp', [
    'src',
    'width',
    'height',
    'format',
    'quality',
    'fit',
    'position',
    'background',
  ]);
  return publicFilePath(encodeURI(propsToFilename(facts.src, transform, hash)));
}
