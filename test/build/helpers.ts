import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join, relative } from 'node:path';
import { load, type CheerioAPI } from 'cheerio';

/**
 * Builds the real site (this repository's src/) from a given content folder, in a child
 * process, the way `npm run build` does: its own output and cache folders, and the time zone
 * the test asks for.
 */

export const ROOT = join(import.meta.dirname, '..', '..');
const ASTRO = join(ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs');

export interface BuildResult {
  status: number | null;
  output: string;
  dist: string;
}

/**
 * A new folder for a test's content and build. It is inside the project (under .astro/, which
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
 * `project` is the project to build (a copy of this one, see copyProject), by default this one.
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

/** What a build of the site reads from the project, besides node_modules/ and the content. */
const PROJECT_FILES = ['src', 'public', 'astro.config.mjs', 'tsconfig.json', 'package.json', 'package-lock.json'];

/**
 * A copy of this project in a new folder (tempDir), its node_modules/ a link to this one's, for a
 * test that edits the code it builds: other test files build from this src/ at the same time.
 */
export function copyProject(prefix: string): string {
  const project = tempDir(prefix);
  for (const name of PROJECT_FILES) cpSync(join(ROOT, name), join(project, name), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(project, 'node_modules'), 'dir');
  return project;
}

/**
 * Runs the project's corpus generator into `out`. It writes or completes the registry the
 * articles need: by default beside `out`, or the given file (the registry of the folder that
 * holds `out` when the corpus is a subfolder of a fixture).
 */
export function generateCorpus(out: string, count: number, seed = 1, registry?: string): void {
  const result = spawnSync(
    process.execPath,
    [
      join(ROOT, 'scripts', 'generate.ts'),
      '--count',
      String(count),
      '--out',
      out,
      '--seed',
      String(seed),
      ...(registry ? ['--registry', registry] : []),
    ],
    {
      encoding: 'utf8',
    },
  );
  if (result.status !== 0) throw new Error(`generator failed: ${result.stderr}`);
}

/** Every file under `dir`, as paths relative to it with `/` separators. */
export function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split('\\').join('/'))
    .sort();
}

/** A page of the built site, parsed; `path` is a URL path such as `/news/`. */
export function page(dist: string, path: string): CheerioAPI {
  const file = join(dist, path, path.endsWith('.html') ? '' : 'index.html');
  if (!existsSync(file)) throw new Error(`no page at ${path}`);
  return load(readFileSync(file, 'utf8'));
}

/** Every article linked from a listing, following its pager to the end. */
export function listingMembers(dist: string, start: string): string[] {
  const members: string[] = [];
  let path: string | undefined = start;
  while (path) {
    const $ = page(dist, path);
    members.push(
      ...$('.listing .article-list__title a')
        .map((_, a) => $(a).attr('href'))
        .get(),
    );
    path = $('.pager a[rel="next"]').attr('href');
  }
  return members;
}

export function hasPage(dist: string, path: string): boolean {
  return existsSync(join(dist, path, 'index.html'));
}
