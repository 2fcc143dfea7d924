/**
 * The site's icon: one mark (three buildings of a development zone, white on the brand blue,
 * drawn as paths so no font is needed) and the files made from it. favicon.svg is what modern
 * browsers show; the PNGs are for browsers without SVG icons, iOS home screens and the web
 * manifest; favicon.ico is what browsers request at the root when a page names no icon.
 *
 * `npm run icons` (scripts/icons.ts) writes every file of ICON_FILES into public/, and
 * test/unit/site/icons.test.ts checks that the committed files are what it would write. The head
 * and the manifest read this module during the build; rendering with sharp is in
 * icons-render.ts, which only the script and the tests load.
 */
import { SITE } from '@/site.config';

/** The colour of the icon's ground: the site's theme colour, `--brand` in src/styles/global.css. */
export const ICON_COLOUR = SITE.colours.theme;

/** The mark on a 64-unit square: three buildings on one baseline, a workshop, a tower and an office block. */
const MARK = 'M11 52V31l11-5v26zM26.5 52V16l5.5-6 5.5 6v36zM42 52V22h11v30z';

export interface IconShape {
  /** Corner radius of the ground, in 64ths: rounded for a tab, 0 where the platform cuts its own shape. */
  corner: number;
  /** The mark's size: below 1 keeps it inside a maskable icon's safe zone, a circle of 80% of the side. */
  scale: number;
}

/** Browser tabs and bookmarks: a rounded square, the mark as large as it stays legible at 16 px. */
export const TAB_SHAPE: IconShape = { corner: 12, scale: 1 };
/** iOS (apple-touch-icon) rounds the corners itself and fills transparency with black: a full square. */
export const FULL_SHAPE: IconShape = { corner: 0, scale: 1 };
/** Android's adaptive icons crop to any shape inside the safe zone: a full square, the mark smaller. */
export const MASKABLE_SHAPE: IconShape = { corner: 0, scale: 0.8 };

/** The icon as an SVG document. */
export function iconSvg({ corner, scale }: IconShape): string {
  const mark =
    scale === 1
      ? `<path fill="#fff" d="${MARK}"/>`
      : `<path fill="#fff" transform="translate(32 32) scale(${scale}) translate(-32 -32)" d="${MARK}"/>`;
  const ground = `<rect width="64" height="64"${corner ? ` rx="${corner}"` : ''} fill="${ICON_COLOUR}"/>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64">${ground}${mark}</svg>\n`;
}

export interface PngIcon {
  /** Path under public/ (and in the output). */
  file: string;
  /** Width and height in pixels. */
  size: number;
  shape: IconShape;
  /** How the web manifest lists it, if it does. */
  manifest?: 'any' | 'maskable';
}

/** The SVG icon's file under public/. */
export const SVG_ICON = 'favicon.svg';
/** The PNG icons. */
export const PNG_ICONS: readonly PngIcon[] = [
  { file: 'icons/favicon-32.png', size: 32, shape: TAB_SHAPE },
  { file: 'apple-touch-icon.png', size: 180, shape: FULL_SHAPE },
  { file: 'icons/icon-192.png', size: 192, shape: TAB_SHAPE, manifest: 'any' },
  { file: 'icons/icon-512.png', size: 512, shape: TAB_SHAPE, manifest: 'any' },
  { file: 'icons/icon-maskable-512.png', size: 512, shape: MASKABLE_SHAPE, manifest: 'maskable' },
];
/** favicon.ico, at the root where browsers look for it, and the sizes it holds (Windows shortcuts use 48). */
export const ICO_ICON = { file: 'favicon.ico', sizes: [16, 32, 48], shape: TAB_SHAPE } as const;

/** Every file `npm run icons` writes. */
export const ICON_FILES: readonly string[] = [SVG_ICON, ...PNG_ICONS.map((icon) => icon.file), ICO_ICON.file];

/** The PNG icon for `file`; throws on a name not in PNG_ICONS, so a typo fails the build. */
export function pngIcon(file: string): PngIcon {
  const icon = PNG_ICONS.find((candidate) => candidate.file === file);
  if (!icon) throw new Error(`no icon ${file} in PNG_ICONS`);
  return icon;
}

/**
 * An ICO file holding PNG images, one per size (every browser and Windows since Vista read PNG
 * inside ICO): a 6-byte header, a 16-byte entry per image, then the images. `sizes` are the
 * pixel sizes of `pngs`, in the same order, each at most 256.
 */
export function icoFile(pngs: ReadonlyArray<{ size: number; png: Uint8Array }>): Uint8Array {
  const header = 6 + 16 * pngs.length;
  const out = new Uint8Array(header + pngs.reduce((sum, { png }) => sum + png.length, 0));
  const view = new DataView(out.buffer);
  view.setUint16(2, 1, true); // type 1: icon
  view.setUint16(4, pngs.length, true);
  let offset = header;
  pngs.forEach(({ size, png }, i) => {
    if (!Number.isInteger(size) || size < 1 || size > 256) throw new Error(`an ICO image is 1 to 256 pixels wide, not ${size}`);
    const entry = 6 + 16 * i;
    // Width and height: one byte each, 0 meaning 256.
    view.setUint8(entry, size % 256);
    view.setUint8(entry + 1, size % 256);
    view.setUint16(entry + 4, 1, true); // colour planes
    view.setUint16(entry + 6, 32, true); // bits per pixel
    view.setUint32(entry + 8, png.length, true);
    view.setUint32(entry + 12, offset, true);
    out.set(png, offset);
    offset += png.length;
  });
  return out;
}

/** The images of an ICO file: each entry's declared size and its bytes (for the tests and the audit of the committed file). */
export function readIco(ico: Uint8Array): Array<{ size: number; png: Uint8Array }> {
  const view = new DataView(ico.buffer, ico.byteOffset, ico.byteLength);
  if (ico.length < 6 || view.getUint16(0, true) !== 0 || view.getUint16(2, true) !== 1) throw new Error('not an ICO file');
  return Array.from({ length: view.getUint16(4, true) }, (_, i) => {
    const entry = 6 + 16 * i;
    const length = view.getUint32(entry + 8, true);
    const offset = view.getUint32(entry + 12, true);
    return { size: view.getUint8(entry) || 256, png: ico.subarray(offset, offset + length) };
  });
}
