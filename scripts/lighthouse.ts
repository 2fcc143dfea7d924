// Page-quality report: builds the sample content (content/news), serves it on localhost as the
// CDN would (its `_headers` applied, text gzip-compressed), runs Lighthouse in Debian's Chromium
// on each page type in Lighthouse's default (mobile) setting and prints a Markdown table of the
// four category scores, then what kept each page below 100. Scores vary from run to run and
// with the machine's load (Lighthouse's simulated throttling scales the main-thread time it
// observes), so each page runs --runs times (3 by default) and the run with the median
// performance score is shown, as Lighthouse's documentation advises. Nothing is asserted:
// docs/quality.md shows the latest table.
//
//   npm run lighthouse [-- --dist BUILT_SITE] [--runs N] [--only 'page name']...
import { rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { launch } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { buildSite, ROOT } from './site/build.ts';
import { host } from './site/host.ts';
import { pageTypes } from './site/page-types.ts';

const { values } = parseArgs({
  options: { dist: { type: 'string' }, only: { type: 'string', multiple: true }, runs: { type: 'string', default: '3' } },
});
const RUNS = Math.max(1, Number(values.runs) || 1);
// --dist reuses a site already built by `npm run build`.
const build = values.dist ? { status: 0, output: '', dist: resolve(values.dist) } : buildSite(join(ROOT, 'content', 'news'));
if (build.status !== 0) {
  console.error(build.output);
  process.exit(1);
}

// Lighthouse stops at a document with status 404 (ERRORED_DOCUMENT_REQUEST), so the 404 page is
// audited at its own address, where it is served with status 200: the same document.
const PAGES = pageTypes(build.dist).map(({ name, path }): [string, string] => [name, name === '404' ? '/404.html' : path]);
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

const { origin, server } = await host(build.dist, '/', { gzip: true });
const chrome = await launch({
  chromePath: '/usr/bin/chromium',
  chromeFlags: [
    '--headless=new',
    '--no-sandbox',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
});

type Report = NonNullable<Awaited<ReturnType<typeof lighthouse>>>['lhr'];

/** RUNS runs of one page; the one whose performance score is the median. */
async function medianRun(url: string, name: string): Promise<Report> {
  const reports: Report[] = [];
  for (let run = 0; run < RUNS; run++) {
    const lhr = (await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error' }))?.lhr;
    if (!lhr) throw new Error(`Lighthouse returned nothing for ${url}`);
    if (lhr.runtimeError) throw new Error(`${name}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    reports.push(lhr);
  }
  reports.sort((a, b) => (a.categories.performance?.score ?? 0) - (b.categories.performance?.score ?? 0));
  return reports[Math.floor(reports.length / 2)];
}

const rows: string[] = [];
const shortfalls: string[] = [];
try {
  for (const [name, path] of PAGES.filter(([name]) => !values.only || values.only.includes(name))) {
    const lhr = await medianRun(`${origin}${path}`, name);
    const scores = CATEGORIES.map((id) => lhr.categories[id]?.score);
    rows.push(
      `| ${name} | \`${decodeURIComponent(path)}\` | ${scores.map((score) => (score == null ? '–' : Math.round(score * 100))).join(' | ')} |`,
    );
    for (const id of CATEGORIES) {
      const category = lhr.categories[id];
      if (!category || category.score === 1) continue;
      const failed = category.auditRefs
        .filter((ref) => ref.weight > 0 && (lhr.audits[ref.id]?.score ?? 1) < 1)
        .map((ref) => `${ref.id} (${lhr.audits[ref.id].displayValue ?? lhr.audits[ref.id].score})`);
      shortfalls.push(`${name}, ${category.title}: ${failed.join(', ') || 'no weighted audit failed'}`);
    }
    console.error(`${name}: done`);
  }
} finally {
  chrome.kill();
  server.close();
  if (!values.dist) rmSync(dirname(build.dist), { recursive: true, force: true });
}

console.log(`Lighthouse (mobile), ${new Date().toISOString().slice(0, 10)}, Chromium at /usr/bin/chromium, median of ${RUNS} run(s)\n`);
console.log('| Page | Path | Performance | Accessibility | Best practices | SEO |');
console.log('| --- | --- | ---: | ---: | ---: | ---: |');
for (const row of rows) console.log(row);
if (shortfalls.length) console.log(`\nBelow 100:\n${shortfalls.map((line) => `- ${line}`).join('\n')}`);
