import sharp from 'sharp';
import { ICO_ICON, iconSvg, icoFile, PNG_ICONS, SVG_ICON, TAB_SHAPE, type IconShape } from '@/lib/site/icons';

/**
 * Renders the icons of src/lib/site/icons.ts with sharp (libvips, which Astro installs for its
 * image service). Kept apart from icons.ts because the build reads that one and never needs
 * sharp: only `npm run icons` (scripts/icons.ts) and the tests load this module.
 */

/** The icon drawn at `size` pixels square, as PNG. */
export async function renderPng(shape: IconShape, size: number): Promise<Buffer> {
  // The SVG is 64 units, read as 64 px at 72 dpi: this density draws it at `size` px, so it is
  // rasterised once at the final size instead of drawn small and scaled.
  return sharp(Buffer.from(iconSvg(shape)), { density: (72 * size) / 64 })
    .resize(size, size)
    .png({ compressionLevel: 9, adaptiveFiltering: true })
    .toBuffer();
}

/** Every icon file, by its path under public/: what `npm run icons` writes. */
export async function renderIcons(): Promise<Map<string, Uint8Array>> {
  const files = new Map<string, Uint8Array>([[SVG_ICON, new TextEncoder().encode(iconSvg(TAB_SHAPE))]]);
  for (const icon of PNG_ICONS) files.set(icon.file, await renderPng(icon.shape, icon.size));
  const pngs = await Promise.all(ICO_ICON.sizes.map(async (size) => ({ size, png: await renderPng(ICO_ICON.shape, size) })));
  files.set(ICO_ICON.file, icoFile(pngs));
  return files;
}
