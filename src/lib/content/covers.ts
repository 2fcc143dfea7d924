import { statSync } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';
import type { Article } from '@/lib/content/article';

/**
 * Cover pictures as feeds describe them: an `<enclosure>` needs the file's byte length and MIME
 * type. A cover under public/ is stat'ed once per build (per distinct file, however many
 * articles and feeds use it). A remote `http(s)://` cover is not fetched: builds make no
 * network requests, so its length is given as 0, which is what the RSS Advisory Board's best
 * practices ask for when the size cannot be determined.
 */

const TYPES: Record<string, string> = {
  avif: 'image/avif',
  gif: 'image/gif',
  jpeg: 'image/jpeg',
  jpg: 'image/jpeg',
  png: 'image/png',
  svg: 'image/svg+xml',
  webp: 'image/webp',
};

/** The MIME type of a cover by its extension; anything else is announced as a generic image. */
export function coverType(cover: string): string {
  const path = cover.replace(/[?#].*$/, '');
  const extension = /\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase() ?? '';
  return TYPES[extension] ?? 'application/octet-stream';
}

export function isRemoteCover(cover: string): boolean {
  return /^https?:\/\//i.test(cover);
}

/**
 * The file under `publicDir` that a local cover (`/images/a.jpg`) names, or undefined when the
 * path would leave public/ (`/../x`) or cannot be decoded.
 */
export function coverFile(publicDir: string, cover: string): string | undefined {
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(cover, 'file:///').pathname);
  } catch {
    return undefined;
  }
  const file = join(publicDir, pathname);
  const inside = relative(publicDir, file);
  return inside && !inside.startsWith(`..${sep}`) && inside !== '..' && !isAbsolute(inside) ? file : undefined;
}

/**
 * The byte length of every article's cover, by cover as written in the frontmatter; 0 for remote
 * covers. `sizeOf` returns a file's size, or undefined when there is no such file; it is called
 * once per distinct file. A missing local cover has no entry: the content check
 * (src/lib/content/content-check.ts) has already refused such an article, with its file and line.
 */
export function coverSizes(
  articles: readonly Article[],
  publicDir: string,
  sizeOf: (file: string) => number | undefined,
): Map<string, number> {
  const bytes = new Map<string, number>();
  const seen = new Set<string>();
  for (const { cover } of articles) {
    if (!cover || seen.has(cover)) continue;
    seen.add(cover);
    const local = isRemoteCover(cover) ? undefined : coverFile(publicDir, cover);
    const size = isRemoteCover(cover) ? 0 : local === undefined ? undefined : sizeOf(local);
    if (size !== undefined) bytes.set(cover, size);
  }
  return bytes;
}

/** A file's size in bytes, or undefined when there is no such file. */
export function fileSize(file: string): number | undefined {
  try {
    const stats = statSync(file);
    return stats.isFile() ? stats.size : undefined;
  } catch {
    return undefined;
  }
}
