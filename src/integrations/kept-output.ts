import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import {
  emptyOutput,
  fileClock,
  outputContent,
  outputDigest,
  pruneOutput,
  readOutputStamp,
  stampFile,
  trustedOutput,
  writeOutputStamp,
} from '../lib/build/output-state.ts';
import { astroCachePath } from '../lib/build/cache-files.ts';

/**
 * Keeps `dist/` between builds (astro.config.mjs sets `vite.build.emptyOutDir: false`), so that
 * Astro's incremental build leaves an unchanged page where it is instead of copying it back from
 * its cache, and makes the kept folder end up exactly as a cold build's. Two integrations, for two
 * places in the list:
 *
 * - `guard`, first: at `astro:build:start` (after the content sync, before Astro writes anything)
 *   it trusts `dist/` only when the stamp in the cache folder says the last build with this cache
 *   finished there and the folder is unchanged since (every file's path, size, mtime and inode),
 *   or holds the same files with the same content (a cache restore in CI gives every file new
 *   times and inodes; src/lib/build/output-state.ts says why content and not times). Otherwise (first build, `dist/` deleted or written by another build,
 *   another cache folder, the cache deleted, a build that stopped half-way) it empties `dist/`, as
 *   Astro would, so no stale file survives and Astro restores or renders every page.
 * - `prune`, after everything else that writes (sitemap, search index, `_headers`) and before the
 *   audit: at `astro:build:done` it removes every file this build did not write or keep, then
 *   records the stamp, hashing only the files this build wrote (the guard knows the hashes of
 *   the ones it kept).
 *
 * Which files this build wrote: those modified since it started (measured on the output folder's
 * own clock, src/lib/build/output-state.ts), plus the files it keeps without rewriting them: the pages
 * Astro skipped as unchanged (they are in the `assets` of `astro:build:done`, skipped or not) and
 * the public files (Vite copies them every build, but copying an empty file over an equal one
 * leaves its mtime as it was). A file the build meant to keep is therefore never removed, and a
 * stale one can only survive if something else wrote it during the build. This is safer than
 * listing what each writer writes (Astro, Vite, the sitemap, `_headers`…): a new writer is covered
 * without a change here.
 *
 * The search bundle's folder (`bundleDir`) is left alone entirely: its integration keeps unchanged
 * shards there and removes stale ones itself. When `dist/` is emptied, it goes too.
 */
export function keptOutput(options: { bundleDir: string }): { guard: AstroIntegration; prune: AstroIntegration } {
  let outDir = '';
  let cacheDir = '';
  let publicDir = '';
  let since = 0n;
  let known = new Map<string, string>();
  const keepTop = new Set(['.git']);
  const skip = new Set(['.git', options.bundleDir]);

  const guard: AstroIntegration = {
    name: 'devzone-output-guard',
    hooks: {
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir).replace(/[\\/]$/, '');
        cacheDir = fileURLToPath(config.cacheDir);
        publicDir = fileURLToPath(config.publicDir);
      },
      'astro:build:start': ({ logger }) => {
        const stamp = readOutputStamp(cacheDir);
        const trusted = trustedOutput(stamp, outDir, skip);
        known = trusted?.known ?? new Map();
        if (trusted?.how === 'same content') {
          logger.info(`kept ${outDir}: new file times, the last build's content (${trusted.read} files read)`);
        }
        if (!trusted) {
          if (existsSync(outDir) && readdirSync(outDir).some((name) => !keepTop.has(name))) {
            logger.info(`emptying ${outDir}: not the output of the last build with this cache (${cacheDir})`);
          }
          emptyOutput(outDir, keepTop);
          forgetHalfWrittenPages(cacheDir, stamp);
        }
        // Until `prune` records the finished output, the folder is not to be trusted.
        writeOutputStamp(cacheDir, { state: 'building', outDir });
        since = fileClock(outDir);
      },
    },
  };

  const prune: AstroIntegration = {
    name: 'devzone-output-prune',
    hooks: {
      'astro:build:done': ({ dir, assets, logger }) => {
        const root = fileURLToPath(dir);
        const kept = new Set<string>();
        for (const urls of assets.values()) {
          for (const url of urls) kept.add(relative(root, fileURLToPath(url)).split(sep).join('/'));
        }
        for (const file of publicFiles(publicDir)) kept.add(file);
        const { entries, removed } = pruneOutput(root, { since, kept, skip });
        if (removed) logger.info(`removed ${removed} file(s) this build no longer writes`);
        const { content } = outputContent(root, entries, known);
        writeOutputStamp(cacheDir, { state: 'done', outDir, files: entries.length, digest: outputDigest(entries), content });
      },
    },
  };

  return { guard, prune };
}

/** Every file under the public folder, relative to it: Vite copies each to the same path in the output. */
function publicFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => !entry.isDirectory())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'));
}

/**
 * After a build that stopped before it finished (the stamp still says `building`, or there is no
 * stamp beside an old cache), Astro's page cache may hold copies newer than its manifest: it
 * writes each rendered page's copy as it goes and the manifest at the end of page generation. A
 * page whose key then went back to the manifest's would be restored from the newer copy. Without
 * the manifest, every page is rendered once (what `astro build --force` does for pages). A
 * manifest written after the stamp shows that page generation finished, copies and all.
 */
function forgetHalfWrittenPages(cacheDir: string, stamp: ReturnType<typeof readOutputStamp>): void {
  if (stamp?.state === 'done') return;
  const manifest = astroCachePath(cacheDir, 'incrementalManifest');
  if (!existsSync(manifest)) return;
  if (stamp && statSync(manifest).mtimeMs > statSync(stampFile(cacheDir)).mtimeMs) return;
  rmSync(manifest, { force: true });
}
