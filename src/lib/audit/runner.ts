import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, posix } from 'node:path';
import { SiteAudit, type AuditResult, type AuditSite, type Finding } from '@/lib/audit/rules';
import { expectedSite, type BuildWindow } from '@/lib/audit/expected';
import { fileIdentity, openScanCache, type ScanCache } from '@/lib/audit/scan-cache';
import { cachePath } from '@/lib/build/cache-files';
import { scanOutputFiles, shareLinks, type FileScan, type SharedLinks } from '@/lib/audit/scan';
import { outputFiles } from '@/lib/build/output-files';
import type { Progress } from '@/lib/build/progress';
import { feed, startPool, workerTask } from '@/lib/build/worker-pool';
import { checkContent } from '@/lib/content/content-check';
import { formatProblem } from '@/lib/content/problems';
import { bulkRedirectsPath } from '@/lib/site/redirects';
import { articlePath } from '@/lib/site/urls';

/**
 * Runs the post-build audit over a built site: the expected set from the content (the editors'
 * check, as the build reads it), then every page, feed, sitemap, host file and search record of
 * the output, read and tokenized in batches on worker threads (src/lib/build/worker-pool.ts) and
 * handed to one SiteAudit in file order. Used at the end of `npm run build`
 * (src/integrations/post-build-audit.ts) and alone by `npm run audit` (scripts/audit.ts).
 */

export interface AuditOptions {
  /** Project root: the check's file names are relative to it, covers are under its public/. */
  rootDir: string;
  contentDir: string;
  /** The built site. */
  outDir: string;
  site: AuditSite;
  window: BuildWindow;
  feedSize: number;
  /** The search index's folder in the output (`pagefind`): every pagefind-entry.json under it is a bundle. */
  bundleDir: string;
  /** The search page's file in the output, the one page allowed inline script by CSP hash. */
  searchPage: string;
  /** Below this many files to read, no worker threads are started (default 2,000). */
  inlineBelow?: number;
  /**
   * How many redirects Cloudflare Pages applies from `_redirects` (SITE.redirectsLimit): above it,
   * the Bulk Redirects CSV beside the output (bulkRedirectsPath, src/lib/site/redirects.ts) must
   * hold them all.
   */
  redirectsLimit: number;
  /**
   * Where to keep what was read out of each file (src/lib/audit/scan-cache.ts), so that the next
   * audit reads only the files written since. Without it every file is read.
   */
  scanCache?: string;
  /** Told the number of files to read, and then of each batch read (src/lib/build/progress.ts); without it the audit prints nothing. */
  progress?: (total: number) => Progress;
}

/**
 * What the scan cache's entries depend on besides each file: the scanning code and its parser,
 * and the folder the files are in. scan.ts is the only project code a scan runs (it imports
 * htmlparser2 and Node alone); the rules, the expected set and this runner judge the scans afresh
 * on every audit, so an edit there keeps every stored scan.
 */
function scanVersion(outDir: string): string {
  const hash = createHash('sha256');
  hash.update(readFileSync(new URL('./scan.ts', import.meta.url)));
  hash.update(readFileSync(new URL('../build/page-scripts.ts', import.meta.url)));
  hash.update(readFileSync(new URL('../../../node_modules/htmlparser2/package.json', import.meta.url)));
  hash.update(outDir);
  return hash.digest('hex').slice(0, 20);
}

const TEXT_FILES = new Set(['_redirects', '_headers', 'robots.txt', 'manifest.webmanifest']);

/** What the audit reads a file as, or undefined for files it only needs to know exist (styles, covers…). */
export function outputKind(file: string, bundleDir: string, bundles: readonly string[]): FileScan['type'] | undefined {
  if (file.startsWith(`${bundleDir}/`)) return bundles.some((bundle) => file.startsWith(`${bundle}/fragment/`)) ? 'fragment' : undefined;
  if (file.endsWith('.html')) return 'page';
  if (file.endsWith('.xml') || file.endsWith('.opml')) return 'xml';
  return TEXT_FILES.has(file) ? 'text' : undefined;
}

/** Files per task, and tasks out at once per thread: enough to keep the threads busy, little held in memory. */
const BATCH = 200;
const IN_FLIGHT = 16;

const SCAN = workerTask('@/lib/audit/scan', scanOutputFiles);

type Job = [file: string, kind: FileScan['type']];

/** Below this many files to read, starting worker threads costs more than it saves: scan on this thread. */
const INLINE_BELOW = 2000;

/** A batch of jobs, with each file's identity and its scan as JSON (from the cache, or once read). */
interface Batch {
  jobs: Job[];
  identities: string[];
  scans: Array<string | undefined>;
}

/**
 * Scans `jobs` and hands the scans to `consume` in file order (so the report names the same
 * first referrer on every run). A file unchanged since the last audit with `cache` is not read
 * again; the others are read on worker threads, one per core, unless there are only a few.
 * `meanwhile` runs on this thread while the workers go on with the batches they were sent.
 */
async function scanAll(
  outDir: string,
  inlineBelow: number,
  cache: ScanCache,
  jobs: Job[],
  consume: (scans: FileScan[], shared: SharedLinks) => void,
  meanwhile: () => void,
): Promise<void> {
  const batches: Batch[] = [];
  for (let at = 0; at < jobs.length; at += BATCH) batches.push({ jobs: jobs.slice(at, at + BATCH), identities: [], scans: [] });
  /** Looks the batch's files up in the cache; the jobs left to read. */
  const prepare = (batch: Batch): Job[] => {
    batch.identities = batch.jobs.map(([file]) => fileIdentity(join(outDir, file)));
    batch.scans = batch.jobs.map(([file], i) => cache.lookup(file, batch.identities[i], join(outDir, file)));
    return batch.jobs.filter((_, i) => batch.scans[i] === undefined);
  };
  const fill = (batch: Batch, read: readonly string[]) => {
    let next = 0;
    batch.scans = batch.scans.map((scan) => scan ?? read[next++]);
  };
  const hand = (batch: Batch) => {
    const scans = batch.jobs.map(([file], i) => {
      const json = batch.scans[i] as string;
      cache.keep(file, batch.identities[i], join(outDir, file), json);
      return JSON.parse(json) as FileScan;
    });
    // Handed on: the batch's text is not held until every batch is done (about 280 MB at 100,000 articles).
    batch.scans = [];
    batch.identities = [];
    consume(scans, shareLinks(scans));
  };
  if (jobs.length < inlineBelow) {
    meanwhile();
    for (const batch of batches) {
      fill(batch, scanOutputFiles({ outDir, files: prepare(batch) }));
      hand(batch);
    }
    return;
  }
  const threads = Math.max(1, Math.min(availableParallelism(), batches.length, 8));
  const pool = startPool(threads);
  try {
    // A batch found whole in the cache is done at once; a thread starts only for files to read.
    const reading = feed(
      batches,
      { limit: threads * IN_FLIGHT, ordered: true },
      (batch) => {
        const files = prepare(batch);
        return files.length > 0 ? pool.run(SCAN, { outDir, files }) : [];
      },
      (batch, read) => {
        fill(batch, read);
        hand(batch);
      },
    );
    meanwhile();
    await reading.finished;
  } finally {
    await pool.destroy();
  }
}

export async function runAudit(options: AuditOptions): Promise<AuditResult> {
  const { outDir, bundleDir } = options;
  const list = outputFiles(outDir);
  const files = new Set(list);
  // Every pagefind-entry.json under bundleDir marks a bundle (the build writes one, at the top).
  const bundles = list
    .filter((file) => file.startsWith(`${bundleDir}/`) && posix.basename(file) === 'pagefind-entry.json')
    .map((file) => posix.dirname(file));
  const jobs = list.flatMap((file): Job[] => {
    const kind = outputKind(file, bundleDir, bundles);
    return kind ? [[file, kind]] : [];
  });

  const findings: Finding[] = [];
  if (!bundles.length) findings.push({ rule: 'missing-search', message: `no search index (pagefind-entry.json) under ${bundleDir}/` });
  let audit: SiteAudit | undefined;
  const early: Array<[FileScan[], SharedLinks]> = [];
  const consume = (scans: FileScan[], shared: SharedLinks) => {
    if (!audit) early.push([scans, shared]);
    else {
      for (const scan of scans) consumeOne(audit, scan);
      audit.sharedLinks(shared);
    }
  };
  const consumeOne = (audit: SiteAudit, scan: FileScan) => {
    if (scan.type === 'page') audit.pageScanned(scan.file, scan.scan, { searchPage: scan.file === options.searchPage });
    else if (scan.type === 'xml') audit.xmlScanned(scan.file, scan.scan);
    else if (scan.type === 'text') audit.text(scan.file, scan.text);
    else if (scan.error || !scan.url)
      findings.push({ rule: 'missing-search', message: `${scan.file} ${scan.error ? `cannot be read: ${scan.error}` : 'has no URL'}` });
    else audit.searchRecord(posix.dirname(posix.dirname(scan.file)), scan.url, scan.image);
  };
  const cache = openScanCache(options.scanCache, scanVersion(outDir));
  const progress = options.progress?.(jobs.length);
  const consumeCounted = (scans: FileScan[], shared: SharedLinks) => {
    consume(scans, shared);
    progress?.tick(scans.length);
  };
  try {
    await scanAll(outDir, options.inlineBelow ?? INLINE_BELOW, cache, jobs, consumeCounted, () => {
      // The expected set, from the content, while the workers read the output.
      const check = checkContent({ rootDir: options.rootDir, contentDir: options.contentDir, articlePath });
      findings.push(...check.problems.map((problem): Finding => ({ rule: 'content', message: formatProblem(problem) })));
      const expected = expectedSite(
        check.articles.map((checked) => checked.article),
        options.window,
        options.feedSize,
        check.slugs.table,
      );
      audit = new SiteAudit(expected, options.site, files);
      for (const [scans, shared] of early.splice(0)) consume(scans, shared);
    });
    cache.save();
  } finally {
    progress?.done();
    cache.close();
  }
  if (!audit) throw new Error('the audit did not start');
  const csvFile = bulkRedirectsPath(outDir);
  audit.bulkRedirects({ csv: existsSync(csvFile) ? readFileSync(csvFile, 'utf8') : undefined, csvFile, limit: options.redirectsLimit });
  const result = audit.finish();
  return { ...result, findings: [...findings, ...result.findings] };
}

/** When and how the last build ran: written by the build into its cache folder, never into the output. */
export interface BuildStamp {
  startedAt: string;
  finishedAt: string;
  site: string;
  base: string;
  outDir: string;
  contentDir: string;
}

export function writeBuildStamp(cacheDir: string, stamp: BuildStamp): void {
  mkdirSync(cacheDir, { recursive: true });
  writeFileSync(cachePath(cacheDir, 'buildStamp'), `${JSON.stringify(stamp, null, 2)}\n`);
}

export function readBuildStamp(cacheDir: string): BuildStamp | undefined {
  const file = cachePath(cacheDir, 'buildStamp');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as BuildStamp) : undefined;
}
