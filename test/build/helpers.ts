import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join, relative } from 'node:path';
import { load, type CheerioAPI } from 'cheerio';
import { ROOT, tempDir } from '../../scripts/site/build.ts';

/**
 * What the build tests share: building the site (scripts/site/build.ts, which the recall report
 * uses too), generating a corpus, and reading the pages of a built site.
 */
export { buildSite, ROOT, tempDir, type BuildResult } from '../../scripts/site/build.ts';

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
