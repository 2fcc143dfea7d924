import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { expect, test } from 'vitest';
import { ASTRO_CACHE_FILES, astroCachePath, CACHE_FILES, cachePath, DEFAULT_CACHE_DIR, PREVIEW_CACHE_DIR } from '@/lib/build/cache-files';

const ROOT = join(import.meta.dirname, '..', '..', '..');

test('every cache file has a name of its own, none of them one of Astro’s', () => {
  const ours = Object.values(CACHE_FILES);
  expect(new Set(ours).size).toBe(ours.length);
  for (const name of Object.values(ASTRO_CACHE_FILES)) expect(ours).not.toContain(name);
});

test('paths are the names in the cache folder given', () => {
  expect(cachePath('/work/cache', 'articleManifest')).toBe(join('/work/cache', 'devzone-articles.json'));
  expect(astroCachePath('/work/cache', 'incrementalManifest')).toBe(join('/work/cache', 'incremental-build.json'));
});

/** The code of src/ and scripts/, relative to the project root with `/` separators. */
function sources(): string[] {
  return ['src', 'scripts'].flatMap((dir) =>
    readdirSync(join(ROOT, dir), { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && /\.(ts|mjs|astro)$/.test(entry.name))
      .map((entry) => relative(ROOT, join(entry.parentPath, entry.name)).split(sep).join('/')),
  );
}

test('no other module of src/ or scripts/ names a file of the cache folder', () => {
  // Astro's `dist` is every output folder's name too; the others name nothing else.
  const names: string[] = [
    ...Object.values(CACHE_FILES),
    ASTRO_CACHE_FILES.contentStore,
    ASTRO_CACHE_FILES.incrementalManifest,
    DEFAULT_CACHE_DIR,
    `${PREVIEW_CACHE_DIR}/`,
  ];
  const naming = sources()
    .filter((file) => file !== 'src/lib/build/cache-files.ts')
    .flatMap((file) => {
      const text = readFileSync(join(ROOT, file), 'utf8');
      return names.filter((name) => new RegExp(`['"\`]${name.replaceAll('.', '\\.')}['"\`/]`).test(text)).map((name) => `${file}: ${name}`);
    });
  expect(naming).toEqual([]);
});
