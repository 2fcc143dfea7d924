// The pictures of an imported page, copied into public/ so the article does not hot-link the
// old portal (whose http:// addresses the site's CSP, img-src 'self' https:, blocks, and which
// disappear with it). Each <img> is looked for on disk:
//   1. beside the saved page: browsers saving a "complete" page write t1.html and a folder
//      t1_files/ and point the page at it (Chrome `./t1_files/a.jpg`, Firefox `t1_files/a.jpg`);
//      a relative address is read relative to the saved file, within the folder being imported;
//      an absolute one is also looked for by its file name in t1_files/;
//   2. in a mirror of the old site (--images DIR) as `wget --mirror` writes it:
//      http://host/p/a.jpg at DIR/host/p/a.jpg, or at DIR/p/a.jpg with --no-host-directories.
// What is found is copied to public/images/<year>/<article slug>/<name>; what is not is kept
// when its address is https:// (the CSP allows it) and dropped otherwise, and listed either way.

import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmdirSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, relative, resolve, sep } from 'node:path';
import type { LegacyImage } from './legacy-page.ts';

/** The raster formats the site serves, told apart by their first bytes, never by the file's name. */
export type ImageType = 'jpg' | 'png' | 'gif' | 'webp' | 'avif';

export function sniffImage(bytes: Uint8Array): ImageType | undefined {
  const ascii = (from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpg';
  if (ascii(0, 8) === '\x89PNG\r\n\x1a\n') return 'png';
  if (ascii(0, 6) === 'GIF87a' || ascii(0, 6) === 'GIF89a') return 'gif';
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'webp';
  if (ascii(4, 8) === 'ftyp' && /^avi[fs]$/.test(ascii(8, 12))) return 'avif';
  return undefined;
}

/** Where the saved page is and where else to look. */
export interface ImageSources {
  /** The saved page. */
  page: string;
  /** The folder named on the command line (the page's own folder for a page named directly): relative addresses stay inside it. */
  inputRoot: string;
  /** --images: a mirror of the old site. */
  mirror?: string;
}

function inside(folder: string, file: string): boolean {
  const path = relative(folder, file);
  return path !== '' && !path.startsWith('..') && !path.startsWith(sep) && !/^[a-z]:/i.test(path);
}

const isFile = (path: string) => statSync(path, { throwIfNoEntry: false })?.isFile() === true;

function decoded(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/** The files that may hold the picture, best first. `url` is its absolute address, when known. */
export function candidates(src: string, url: string | undefined, sources: ImageSources): string[] {
  const found: string[] = [];
  const path = src.split(/[?#]/)[0];
  if (path && !/^[a-z][a-z0-9+.-]*:|^\/\//i.test(src) && !path.startsWith('/')) {
    const file = resolve(dirname(sources.page), decoded(path));
    if (inside(sources.inputRoot, file)) found.push(file);
  }
  let parsed: URL | undefined;
  try {
    parsed = url ? new URL(url) : undefined;
  } catch {
    parsed = undefined;
  }
  if (parsed && /^https?:$/.test(parsed.protocol)) {
    const name = decoded(parsed.pathname.split('/').pop() ?? '');
    if (name) found.push(join(sources.page.replace(/\.html?$/i, '_files'), name));
    if (sources.mirror) {
      const segments = decoded(parsed.pathname).split('/').filter(Boolean);
      if (segments.length) {
        // wget keeps the query in the file name (a.jpg?w=600); the plain name is tried first.
        const query = parsed.search;
        for (const root of [join(sources.mirror, parsed.host), sources.mirror]) {
          const file = join(root, ...segments);
          found.push(file);
          if (query) found.push(file + query);
        }
      }
    }
  }
  return [...new Set(found)];
}

/** A stable ASCII file name: the old name's letters and digits, lower-case, with the type's extension. */
export function imageName(file: string, type: ImageType, bytes: Uint8Array): string {
  const stem = basename(file, extname(file))
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `${stem || `image-${createHash('sha256').update(bytes).digest('hex').slice(0, 8)}`}.${type}`;
}

/** What became of a picture that is not in public/ now. */
export interface ImageNote {
  /** The address the page gave, resolved against the page's address when it has one. */
  url: string;
  kind: 'remote' | 'missing';
  reason: string;
}

export interface LocalisedImages {
  copied: number;
  notes: ImageNote[];
  /** Files this call wrote, so the importer can remove them when the article is not written. */
  created: string[];
}

const REMOTE =
  '找不到图片文件，保留 https 网址，图片仍在对方服务器上 / no file found: the https address is kept, the picture stays on that server';
const MISSING = '找不到图片文件，已从正文删除 / no file found: removed from the body';
const SVG = 'SVG 图片可能含脚本，不导入，已从正文删除 / SVG may carry scripts: not imported, removed from the body';

/**
 * Copies each picture found to `publicDir/folder/`, points its <img> there, and keeps or drops
 * the others (see the top of this file). A name already taken by different bytes gets -2, -3, …;
 * the same bytes under the same name are reused, so one picture used twice is copied once.
 */
export function localiseImages(images: LegacyImage[], sources: ImageSources, publicDir: string, folder: string): LocalisedImages {
  const result: LocalisedImages = { copied: 0, notes: [], created: [] };
  for (const image of images) {
    const url = String(image.element.properties.src);
    const absolute = /^https?:\/\//i.test(url) ? url : undefined;
    let svg = false;
    let target: string | undefined;
    for (const file of candidates(image.src, absolute, sources)) {
      if (!isFile(file)) continue;
      const bytes = readFileSync(file);
      const type = sniffImage(bytes);
      if (!type) {
        svg ||= /\.svgz?$/i.test(file) || /<svg[\s>]/i.test(bytes.subarray(0, 1024).toString('utf8'));
        continue;
      }
      target = copyOnce(bytes, imageName(file, type, bytes), join(publicDir, folder), result.created);
      break;
    }
    if (target) {
      image.element.properties.src = `/${folder}/${basename(target)}`;
      result.copied++;
    } else if (!svg && absolute?.toLowerCase().startsWith('https://')) {
      result.notes.push({ url, kind: 'remote', reason: REMOTE });
    } else {
      image.keep = false;
      result.notes.push({ url, kind: 'missing', reason: svg ? SVG : MISSING });
    }
  }
  return result;
}

function copyOnce(bytes: Buffer, name: string, folder: string, created: string[]): string {
  const dot = name.lastIndexOf('.');
  for (let n = 1; ; n++) {
    const path = join(folder, n === 1 ? name : `${name.slice(0, dot)}-${n}${name.slice(dot)}`);
    if (existsSync(path)) {
      if (readFileSync(path).equals(bytes)) return path;
      continue;
    }
    mkdirSync(folder, { recursive: true });
    writeFileSync(path, bytes, { flag: 'wx' });
    created.push(path);
    return path;
  }
}

/** Removes what localiseImages wrote, and its folders when they are left empty. */
export function removeCreated(created: string[], publicDir: string): void {
  for (const file of created) unlinkSync(file);
  const folders = [...new Set(created.map((file) => dirname(file)))];
  for (let folder of folders) {
    while (inside(publicDir, folder)) {
      try {
        rmdirSync(folder);
      } catch {
        break;
      }
      folder = dirname(folder);
    }
  }
}
