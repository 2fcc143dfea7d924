import { isAbsolute, join, relative, sep } from 'node:path';
import type { Article } from '@/lib/articles';
import type { Problem } from '@/lib/problems';

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

export interface CoverSizes {
  /** Byte length by cover as written in the frontmatter; 0 for remote covers. */
  bytes: Map<string, number>;
  /** Local covers with no file behind them, one per article. */
  problems: Problem[];
}

/**
 * The byte length of every article's cover. `sizeOf` returns a file's size, or undefined when
 * there is no such file; it is called once per distinct file.
 */
export function coverSizes(articles: readonly Article[], publicDir: string, sizeOf: (file: string) => number | undefined): CoverSizes {
  const bytes = new Map<string, number>();
  const missing = new Set<string>();
  const problems: Problem[] = [];
  for (const { cover, file } of articles) {
    if (!cover) continue;
    if (!bytes.has(cover) && !missing.has(cover)) {
      const local = isRemoteCover(cover) ? undefined : coverFile(publicDir, cover);
      const size = isRemoteCover(cover) ? 0 : local === undefined ? undefined : sizeOf(local);
      if (size === undefined) missing.add(cover);
      else bytes.set(cover, size);
    }
    if (missing.has(cover)) {
      problems.push({
        file,
        field: 'cover',
        message: `找不到封面图文件 public${cover}，请把图片放进 public/ 或改正路径 / no such file: public${cover}; add the picture under public/ or fix the path`,
      });
    }
  }
  return { bytes, problems };
}
