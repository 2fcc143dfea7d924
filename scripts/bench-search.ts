// `npm run bench:search`: what the search page costs a reader. Builds a generated archive with the
// real `npm run build` (its wall time and peak memory), serves it as the CDN would and opens
// /search/ and a fixed list of queries in Debian's Chromium with the CPU throttled; prints a
// Markdown table of requests, bytes, time to the first results and result counts beside a
// substring scan of the built pages. See SEARCH_USAGE in scripts/bench/search-args.ts.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pagefindBundlePath, searchPath } from '@/lib/site/urls';
import { SITE } from '@/site.config';
import { corpus, markdownFiles } from './bench/corpus.ts';
import { thisMachine } from './bench/machine.ts';
import { outputSize, runBuild } from './bench/run-build.ts';
import { parseSearchBenchArgs, SEARCH_USAGE, SearchUsageError, type SearchBenchOptions } from './bench/search-args.ts';
import { measureOpening, measureQuery } from './bench/search-page.ts';
import { BENCH_QUERIES } from './bench/search-queries.ts';
import { CPU_THROTTLING, formatSearchHeader, formatSearchTable, type QueryFigures, type SearchBenchReport } from './bench/search-report.ts';
import { statusTexts } from './bench/search-status.ts';
import { host } from './site/host.ts';
import { expectation, indexedArticles, launchChromium } from './site/search-harness.ts';

const ROOT = resolve(import.meta.dirname, '..');

interface Site {
  dist: string;
  content?: string;
  build?: SearchBenchReport['build'];
}

/** The site to measure: the one given with --dist, or a cold build of the chosen content. */
async function site(options: SearchBenchOptions, dir: string): Promise<Site> {
  const given = options.content === undefined ? undefined : resolve(options.content);
  if (options.dist !== undefined) return { dist: resolve(options.dist), content: given };
  const content = given ?? corpus(dir, options.count, options.seed);
  const name = given ? `content-${createHash('sha256').update(given).digest('hex').slice(0, 8)}` : `c${options.count}-s${options.seed}`;
  const work = join(dir, 'search', name);
  const dist = join(work, 'dist');
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const log = join(work, 'build.log');
  console.log(`building ${content} into ${dist} (log: ${log}) …`);
  const { code, wallMs, peakBytes } = await runBuild({ content, dist, cache: join(work, 'cache'), logFile: log });
  if (code !== 0) throw new Error(`the build failed (exit ${code}); see ${log}`);
  console.log(
    `built in ${(wallMs / 1000).toFixed(1)} s; to measure it again without building: npm run bench:search -- --dist ${dist} --content ${content}`,
  );
  return { dist, content, build: { wallMs, peakBytes, log } };
}

/** Files and bytes of the built site's search index. */
function indexSize(dist: string): { files: number; bytes: number } {
  const { files, bytes } = outputSize(join(dist, 'pagefind'));
  return { files, bytes };
}

async function main(): Promise<void> {
  const options = parseSearchBenchArgs(process.argv.slice(2));
  if (options.help) {
    console.log(SEARCH_USAGE);
    return;
  }
  const dir = resolve(ROOT, options.dir);
  const { dist, content, build } = await site(options, dir);
  if (!existsSync(join(dist, 'search', 'index.html'))) throw new Error(`no built site in ${dist} (no search/index.html)`);

  console.log(`reading the article pages of ${dist} …`);
  const articles = indexedArticles(dist);
  const date = new Date().toISOString();
  const { origin, server } = await host(dist, SITE.base, { gzip: true });
  const browser = await launchChromium();
  try {
    const searchUrl = `${origin}${searchPath()}`;
    const indexPath = pagefindBundlePath();
    console.log(`measuring ${searchUrl} with the CPU throttled ${CPU_THROTTLING}x …`);
    const opening = await measureOpening(browser, searchUrl, indexPath, statusTexts(''));
    const queries: QueryFigures[] = [];
    for (const query of BENCH_QUERIES) {
      const measure = await measureQuery(browser, `${searchUrl}?q=${encodeURIComponent(query)}`, indexPath, statusTexts(query));
      const figures = { query, ...measure, substring: expectation(articles, query).expected.length };
      queries.push(figures);
      console.log(formatSearchTable(opening, [figures]).split('\n').at(-1));
    }
    const report: SearchBenchReport = {
      date,
      machine: thisMachine(browser.version()),
      cpuThrottling: CPU_THROTTLING,
      archive: {
        generated: options.dist === undefined && options.content === undefined ? { count: options.count, seed: options.seed } : undefined,
        content,
        markdownFiles: content && existsSync(content) ? markdownFiles(content).length : undefined,
        published: articles.length,
        dist,
        searchIndex: indexSize(dist),
      },
      build,
      opening,
      queries,
    };
    console.log(`\n${formatSearchHeader(report)}\n\n${formatSearchTable(opening, queries)}`);
    if (options.json) {
      writeFileSync(resolve(options.json), `${JSON.stringify(report, null, 2)}\n`);
      console.log(`\nwrote ${resolve(options.json)}`);
    }
  } finally {
    await browser.close();
    server.close();
  }
}

main().catch((error: unknown) => {
  if (error instanceof SearchUsageError) console.error(`${error.message}\n\n${SEARCH_USAGE}`);
  else console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
