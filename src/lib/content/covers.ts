import { statSync } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';

/**
 * Where a cover is: a file under public/ (the check asks whether it exists, src/lib/site/site-images.ts
 * reads it) or a remote `http(s)://` URL; and its MIME type, for a feed's `<enclosure>`.
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

/** A file's size in bytes, or undefined when there is no such file. */
export function fileSize(file: string): number | undefined {
  try {
    const stats = statSync(file);
    return stats.isFile() ? stats.size : undefined;
  } catch {
    return undefined;
  }
}
