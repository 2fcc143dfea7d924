// The post-build audit alone, over a site already built by `npm run build`: the same check that
// ends every build (src/lib/audit/rules.ts), for a dist/ built elsewhere or kept from an earlier run.
//
//   npm run audit [-- DIST]

import { resolve } from 'node:path';
import { existsSync } from 'node:fs';
import { auditReport, auditSummary } from '@/lib/audit/rules';
import { readBuildStamp, runAudit } from '@/lib/audit/runner';
import { fileOfPath } from '@/lib/build/output-files';
import { startProgress } from '@/lib/build/progress';
import { DEFAULT_CACHE_DIR } from '@/lib/build/cache-files';
import { searchPath } from '@/lib/site/urls';
import { SITE } from '@/site.config';

const USAGE = `Usage: npm run audit [-- DIST]

  DIST    the built site (default dist); the build's time and settings are read from the
          content cache (DEVZONE_CACHE_DIR, default node_modules/.astro)

Prints what was checked; lists every problem and exits 1 when there is any.`;

async function main(argv: readonly string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (argv.length > 1 || argv.some((arg) => arg.startsWith('-'))) {
    process.stderr.write(`audit: give at most one folder\n\n${USAGE}\n`);
    return 2;
  }
  const rootDir = process.cwd();
  const outDir = resolve(rootDir, argv[0] ?? 'dist');
  const cacheDir = resolve(rootDir, process.env.DEVZONE_CACHE_DIR ?? DEFAULT_CACHE_DIR);
  const stamp = readBuildStamp(cacheDir);
  if (!existsSync(outDir) || !stamp) {
    process.stderr.write(
      `audit: 找不到构建结果，请先运行 npm run build / no build found (${outDir}, ${cacheDir}): run npm run build first\n`,
    );
    return 2;
  }
  // Every URL the audit expects comes from src/lib/site/urls.ts, which reads SITE once: it must be
  // the same site (DEVZONE_SITE_URL, DEVZONE_BASE) that was built.
  if (stamp.site !== SITE.url || stamp.base !== SITE.base) {
    process.stderr.write(
      `audit: the build was for ${stamp.site}${stamp.base}, this run is for ${SITE.url}${SITE.base}: set DEVZONE_SITE_URL and DEVZONE_BASE as for the build\n`,
    );
    return 2;
  }
  const started = performance.now();
  const result = await runAudit({
    rootDir,
    contentDir: resolve(rootDir, SITE.contentDir),
    outDir,
    site: { origin: SITE.url, base: SITE.base },
    window: { startedAt: new Date(stamp.startedAt), finishedAt: new Date(stamp.finishedAt) },
    feedSize: SITE.feedSize,
    bundleDir: 'pagefind',
    searchPage: fileOfPath(searchPath(), SITE.base) ?? '',
    redirectsLimit: SITE.redirectsLimit,
    progress: (total) => startProgress({ label: 'files read', total }),
  });
  const summary = auditSummary(result, (performance.now() - started) / 1000);
  if (result.findings.length) {
    process.stdout.write(`${auditReport(result)}\n(${summary})\n`);
    return 1;
  }
  process.stdout.write(`${summary}\n`);
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
