// Checks every article and the registry without building the site: the same check the build
// runs first (src/lib/content/content-check.ts), so an editor never sees two verdicts. Then
// records in the slug lock (content/slugs.lock) the slug of every name it does not record yet,
// exactly as the build assigns it (src/lib/content/slug-assign.ts), so writing it changes no URL.
//
//   npm run check [-- --json] [-- --cache] [-- DIR]

import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { registryFileFor } from '@/lib/content/registry';
import { slugLockFileFor } from '@/lib/content/slug-lock';
import { SITE } from '@/site.config';
import { cachePath, DEFAULT_CACHE_DIR } from '@/lib/build/cache-files';
import { checkRunKey, keepRun, keptRun } from '@/lib/build/check-run';
import { sourceDigest } from '@/lib/build/source-digest';

const USAGE = `Usage: npm run check [-- --json] [-- --cache] [-- DIR]

  DIR      the news folder to check (default ${SITE.contentDir}); its registry is DIR/../registry.yaml
  --json   print the problems as JSON, for CI annotations
  --cache  keep what each file alone gives in the cache folder (DEVZONE_CACHE_DIR, default
           ${DEFAULT_CACHE_DIR}) and check again only files that changed
  --help   show this message

Prints every problem as file:line: field: message, then a count; exits 1 when there is any.
Records new names' URL slugs in the slug lock beside the registry (commit it with the articles).`;

/** What the check depends on besides the articles: its code (src/lib and the site's configuration) and this script. */
const CHECK_CODE = ['src/lib', 'src/site.config.ts', 'scripts/check.ts'];
/** The project this script belongs to (the checked folder may be elsewhere). */
const PROJECT = join(import.meta.dirname, '..');

async function main(argv: readonly string[]): Promise<number> {
  const json = argv.includes('--json');
  const cached = argv.includes('--cache');
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const unknown = argv.find((arg) => arg.startsWith('-') && arg !== '--json' && arg !== '--cache');
  const dirs = argv.filter((arg) => !arg.startsWith('-'));
  if (unknown || dirs.length > 1) {
    process.stderr.write(`check: ${unknown ? `unknown option ${unknown}` : 'give one folder'}\n\n${USAGE}\n`);
    return 2;
  }
  const rootDir = process.cwd();
  const contentDir = resolve(rootDir, dirs[0] ?? SITE.contentDir);
  if (!existsSync(contentDir) || !statSync(contentDir).isDirectory()) {
    process.stderr.write(`check: 找不到文章目录 / the content folder does not exist: ${contentDir}\n`);
    return 2;
  }
  const cacheDir = resolve(rootDir, process.env.DEVZONE_CACHE_DIR ?? DEFAULT_CACHE_DIR);
  // With --cache, an archive unchanged since the last run gets that run's report (src/lib/build/check-run.ts).
  const runFile = cachePath(cacheDir, 'checkRun');
  const code = cached ? sourceDigest(PROJECT, CHECK_CODE) : '';
  const runKey = () =>
    checkRunKey({
      code,
      folders: [contentDir, join(rootDir, 'public')],
      files: [registryFileFor(contentDir), slugLockFileFor(contentDir)],
      options: [json ? 'json' : 'text', contentDir],
    });
  if (cached) {
    const kept = keptRun(runFile, runKey(), Date.now());
    if (kept) {
      process.stdout.write(kept.stdout);
      process.stderr.write(kept.stderr);
      return kept.status;
    }
  }
  // The check itself, loaded only when it runs (the pinyin dictionaries alone take a while).
  const [
    { checkContent },
    { formatReport, sortProblems },
    { assignmentNotes },
    { saveSlugLock },
    { articlePath },
    { sitePlan },
    { openCheckCache },
  ] = await Promise.all([
    import('@/lib/content/content-check'),
    import('@/lib/content/problems'),
    import('@/lib/content/slug-assign'),
    import('@/lib/content/slug-lock'),
    import('@/lib/site/urls'),
    import('@/lib/site/site-plan'),
    import('@/lib/build/check-cache'),
  ]);
  const now = new Date();
  // Body links are judged against the site a build started now would write.
  const site = sitePlan(join(rootDir, 'public'), now);
  // Kept results hold while the code that made them (src/lib/content) is unchanged.
  const cache = cached ? openCheckCache(cachePath(cacheDir, 'checkResults'), sourceDigest(PROJECT, ['src/lib/content'])) : undefined;
  const { problems, articles, slugs, slugLock } = checkContent({ rootDir, contentDir, articlePath, site, cache: cache?.results });
  cache?.save();
  // Only a check that passes records slugs: with a broken registry (two pins of one slug, say) or
  // an unreadable lock, what it would write is not what the build will give once they are fixed.
  const notes = assignmentNotes(slugs);
  if (!problems.length && saveSlugLock(slugLock, slugs.lock)) {
    const count = slugs.added.length;
    notes.push(
      `已在 ${slugLock.file} 中记录 ${count} 个名称的网址名，请一并提交 / recorded the slugs of ${count} name(s) in ${slugLock.file}: commit it with the articles`,
    );
  }
  // Notes, not problems: stdout stays the report (or the JSON) alone.
  const stderr = notes.length ? `${notes.join('\n')}\n` : '';
  let stdout: string;
  if (json) {
    const files = new Set(problems.map((problem) => problem.file)).size;
    stdout = `${JSON.stringify({ problems: sortProblems(problems), count: problems.length, files, articles: articles.length }, null, 2)}\n`;
  } else if (problems.length) {
    stdout = `${formatReport(problems)}\n`;
  } else {
    stdout = `没有发现问题，共 ${articles.length} 篇文章 / no problems in ${articles.length} article(s)\n`;
  }
  process.stderr.write(stderr);
  process.stdout.write(stdout);
  const status = problems.length ? 1 : 0;
  if (cached) {
    // The report holds until the first scheduled article is due: it then joins the site.
    const due = articles.map(({ article }) => article.date.getTime()).filter((time) => time > now.getTime());
    // A replayed report does not repeat what this run did once: record the lock.
    const replayed = stderr
      .split('\n')
      .filter((line) => line && !line.startsWith('已在 '))
      .join('\n');
    keepRun(runFile, {
      key: runKey(),
      validUntil: due.length ? Math.min(...due) : undefined,
      stdout,
      stderr: replayed ? `${replayed}\n` : '',
      status,
    });
  }
  return status;
}

process.exitCode = await main(process.argv.slice(2));
