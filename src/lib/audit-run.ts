import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { SiteAudit, type AuditResult, type AuditSite, type Finding } from '@/lib/audit';
import { expectedSite, type BuildWindow } from '@/lib/audit-expected';
import { checkContent } from '@/lib/check';
import { formatProblem } from '@/lib/problems';

/**
 * Runs the post-build audit over a built site: the expected set from the content (the editors'
 * check, as the build reads it), then every page, feed, sitemap, host file and search record of
 * the output, one file at a time. Used at the end of `npm run build`
 * (src/integrations/audit.ts) and alone by `npm run audit` (scripts/audit.ts).
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
}

/** Every file under `dir`, relative to it with `/` separators. */
export function outputFiles(dir: string): string[] {
  const found: string[] = [];
  const walk = (folder: string, prefix: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(join(folder, entry.name), `${prefix}${entry.name}/`);
      else found.push(`${prefix}${entry.name}`);
    }
  };
  walk(dir, '');
  return found.sort();
}

/** Pagefind writes each fragment gzip-compressed; inside, this signature precedes the JSON. */
const FRAGMENT_SIGNATURE = 'pagefind_dcd';

interface Fragment {
  url?: string;
  meta?: { image?: string };
}

/** One page record of a Pagefind bundle: its `fragment/*.pf_fragment` file, decompressed. */
export function readFragment(bytes: Buffer): Fragment {
  const text = gunzipSync(bytes).toString('utf8');
  if (!text.startsWith(FRAGMENT_SIGNATURE)) throw new Error('not a Pagefind fragment');
  return JSON.parse(text.slice(FRAGMENT_SIGNATURE.length)) as Fragment;
}

const TEXT_FILES = new Set(['_redirects', '_headers', 'robots.txt']);

export function runAudit(options: AuditOptions): AuditResult {
  const { outDir, bundleDir } = options;
  const check = checkContent({ rootDir: options.rootDir, contentDir: options.contentDir });
  const contentFindings: Finding[] = check.problems.map((problem) => ({ rule: 'content', message: formatProblem(problem) }));
  const expected = expectedSite(
    check.articles.map((checked) => checked.article),
    options.window,
    options.feedSize,
  );
  const list = outputFiles(outDir);
  const files = new Set(list);
  const audit = new SiteAudit(expected, options.site, files);

  for (const file of list) {
    if (file.startsWith(`${bundleDir}/`)) continue;
    if (file.endsWith('.html')) audit.page(file, readFileSync(join(outDir, file), 'utf8'), { searchPage: file === options.searchPage });
    else if (file.endsWith('.xml') || file.endsWith('.opml')) audit.xml(file, readFileSync(join(outDir, file), 'utf8'));
    else if (TEXT_FILES.has(file)) audit.text(file, readFileSync(join(outDir, file), 'utf8'));
  }

  // Every pagefind-entry.json marks a bundle: one at the top, or one per shard below it.
  const bundleFindings: Finding[] = [];
  const bundles = list.filter((file) => file.startsWith(`${bundleDir}/`) && posix.basename(file) === 'pagefind-entry.json');
  if (!bundles.length) bundleFindings.push({ rule: 'missing-search', message: `no search index (pagefind-entry.json) under ${bundleDir}/` });
  for (const entry of bundles) {
    const bundle = posix.dirname(entry);
    for (const file of list) {
      if (!file.startsWith(`${bundle}/fragment/`)) continue;
      try {
        const fragment = readFragment(readFileSync(join(outDir, file)));
        if (fragment.url) audit.searchRecord(bundle, fragment.url, fragment.meta?.image);
        else bundleFindings.push({ rule: 'missing-search', message: `${file} has no URL` });
      } catch (error) {
        bundleFindings.push({ rule: 'missing-search', message: `${file} cannot be read: ${(error as Error).message}` });
      }
    }
  }
  const result = audit.finish();
  return { ...result, findings: [...contentFindings, ...bundleFindings, ...result.findings] };
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

const STAMP = 'devzone-build.json';

export function writeBuildStamp(cacheDir: string, stamp: BuildStamp): void {
  mkdirSync(cacheDir, { recursive: true });
  writeFileSync(join(cacheDir, STAMP), `${JSON.stringify(stamp, null, 2)}\n`);
}

export function readBuildStamp(cacheDir: string): BuildStamp | undefined {
  const file = join(cacheDir, STAMP);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as BuildStamp) : undefined;
}
