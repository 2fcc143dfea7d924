import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Builds the real site (this repository's src/) from a given content folder, in a child
 * process, the way `npm run build` does: its own output and cache folders, and the time zone
 * the caller asks for. Used by the recall report (scripts/search-recall.ts) and the build tests
 * (test/build/).
 */

export const ROOT = join(import.meta.dirname, '..', '..');
const ASTRO = join(ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs');

export interface BuildResult {
  status: number | null;
  output: string;
  dist: string;
}

/**
 * A new folder for a build's content and output. It is inside the project (under .astro/, which
 * git ignores): for an output folder outside the project, Astro puts the build's server chunks
 * in the shared .astro/.prerender/, where two builds at once (Vitest runs test files in
 * parallel) delete each other's; inside, each build keeps them next to its own output.
 */
export function tempDir(prefix: string): string {
  const parent = join(ROOT, '.astro', 'test-builds');
  mkdirSync(parent, { recursive: true });
  return mkdtempSync(join(parent, `${prefix}-`));
}

/**
 * The environment of a child build: Vitest sets DEV, PROD, MODE, NODE_ENV=test and friends in
 * process.env, which Vite would read into import.meta.env, turning the build into a preview.
 */
function cleanEnv(): NodeJS.ProcessEnv {
  const leaked = new Set(['DEV', 'PROD', 'SSR', 'MODE', 'BASE_URL', 'NODE_ENV', 'TEST']);
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => !leaked.has(name) && !name.startsWith('VITEST')));
}

/**
 * `env` adds variables to the build's environment, such as DEVZONE_BASE for a sub-path build.
 * `project` is the project to build (a copy of this one, see copyProject in test/build/helpers.ts),
 * by default this one.
 */
export function buildSite(
  contentDir: string,
  options: { tz?: string; work?: string; env?: NodeJS.ProcessEnv; project?: string } = {},
): BuildResult {
  const work = options.work ?? tempDir('build');
  const dist = join(work, 'dist');
  const result = spawnSync(process.execPath, [ASTRO, 'build', '--outDir', dist], {
    cwd: options.project ?? ROOT,
    encoding: 'utf8',
    env: {
      ...cleanEnv(),
      TZ: options.tz ?? 'UTC',
      DEVZONE_CONTENT_DIR: contentDir,
      DEVZONE_CACHE_DIR: join(work, 'cache'),
      ASTRO_TELEMETRY_DISABLED: '1',
      NO_COLOR: '1',
      FORCE_COLOR: '0',
      ...options.env,
    },
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}`, dist };
}
