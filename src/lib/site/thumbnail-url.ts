import { hashTransform, propsToFilename } from 'astro/assets/utils/node';
import type { ImageFacts } from '@/lib/build/image-facts';
import type { Picture } from '@/lib/site/pictures';
import { fallbackFormat, imageMetadata, isEncodable, MIME, slotBox, slotWidths, SLOTS } from '@/lib/site/picture-slots';
import { publicFilePath } from '@/lib/site/urls';

/**
 * A cover's listing thumbnail (16:9, AVIF, WebP and a JPEG/PNG fallback in the thumbnail slot's
 * widths), named without asking Astro's image pipeline: the names Astro gives those transforms
 * (its `hashTransform` and `propsToFilename`, over the fields getImage hashes, and its srcset
 * widths, as its sharp service's getSrcSet makes them).
 *
 * Why not getImage in the listing: Astro's incremental build records, for every page, each
 * picture it asked the pipeline for (about 450 bytes each), and writes all of it as one JSON
 * string. A listing page of 20 thumbnails in three formats records 60; at 100,000 articles
 * (about 30,000 listing pages) that is more than a JavaScript string can hold, and the build
 * stops. So the article page asks for its own cover's thumbnail (src/pages/news/[slug].astro),
 * which makes Astro write the files and keeps them in every later build (a page taken from the
 * cache brings its record), and the listings, the search results and anything else outside the
 * article page only name them. An article in a listing is published, so its page is in the same
 * build. The post-build audit fails the build if a name here is not a file Astro wrote.
 */

/** Fields Astro's sharp service hashes into a transform's name (its propertiesToHash). */
const HASHED = ['src', 'width', 'height', 'format', 'quality', 'fit', 'position', 'background'];
/** The service's entrypoint is part of the hash: astro.config.mjs uses sharpImageService(). */
const SERVICE = 'astro/assets/services/sharp';

type Format = 'avif' | 'webp' | 'jpg' | 'png';

function fileOf(facts: ImageFacts, transform: { width: number; height: number; format: Format }): string {
  const full = { src: imageMetadata(facts), ...transform, fit: 'cover' as const };
  return publicFilePath(encodeURI(propsToFilename(facts.src, full, hashTransform(full, SERVICE, HASHED))));
}

/** One format's largest file and srcset, as getImage gives them. */
function encoded(facts: ImageFacts, format: Format): { src: string; srcset: string } {
  const box = slotBox(facts, 'thumbnail');
  const srcset = slotWidths(facts, 'thumbnail')
    .map((width) => `${fileOf(facts, { width, height: Math.round(width / (box.width / box.height)), format })} ${width}w`)
    .join(', ');
  return { src: fileOf(facts, { ...box, format }), srcset };
}

/**
 * Thumbnails named so far in this build, by cover and digest: an article is in several listings
 * (all news, its region, zone, type, source and year), each naming its thumbnail's 11 files.
 */
const named = new Map<string, Picture>();

/** A cover's thumbnail as a `<picture>` (src/components/Picture.astro). */
export function thumbnailPicture(cover: string, facts: ImageFacts | undefined): Picture {
  if (!facts || !isEncodable(facts)) return { sources: [], src: publicFilePath(cover), width: facts?.width, height: facts?.height };
  const key = `${cover}\0${facts.digest}`;
  const known = named.get(key);
  if (known) return known;
  const [avif, webp] = [encoded(facts, 'avif'), encoded(facts, 'webp')];
  const box = slotBox(facts, 'thumbnail');
  const picture: Picture = {
    sources: [
      { type: MIME.avif, srcset: avif.srcset },
      { type: MIME.webp, srcset: webp.srcset },
    ],
    // The fallback, for browsers that read neither AVIF nor WebP, in the largest width alone (src/lib/site/pictures.ts).
    src: fileOf(facts, { ...box, format: fallbackFormat(facts) }),
    sizes: SLOTS.thumbnail.sizes,
    width: box.width,
    height: box.height,
  };
  named.set(key, picture);
  return picture;
}

/**
 * The URL of an article's small thumbnail, for search results: its cover's largest listing
 * thumbnail in WebP (320x180 at most). A cover the pipeline does not encode (SVG, GIF) is its
 * own path; a remote one its URL.
 */
export function thumbnailUrl(cover: string, facts: ImageFacts | undefined): string {
  if (!facts || !isEncodable(facts)) return publicFilePath(cover);
  return encoded(facts, 'webp').src;
}
