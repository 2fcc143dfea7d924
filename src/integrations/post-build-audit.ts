import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { auditReport, auditSummary } from '../lib/audit/rules.ts';
import { runAudit, writeBuildStamp } from '../lib/audit/runner.ts';
import { fileOfPath } from '../lib/build/output-files.ts';
import { cachePath } from '../lib/build/cache-files.ts';
import { startProgress } from '../lib/build/progress.ts';
import { searchPath } from '../lib/site/urls.ts';
import { SITE } from '../site.config.ts';

/**
 * The post-build audit (src/lib/audit/rules.ts) at the end of `astro build`: listed after the search
 * index integration, so it reads the finished output, search index included. Any finding fails
 * the build, every one of them printed. What it read out of each file is kept in the cache
 * folder (src/lib/audit/scan-cache.ts): a rebuild's audit reads again only the files the build wrote.
 * It also writes the build's time window into the cache folder (never into the output) for
 * `npm run audit` to judge scheduled articles the same way.
 */
export function postBuildAudit(options: { bundleDir: string }): AstroIntegration {
  let root = '';
  let cacheDir = '';
  let startedAt = new Date();
  return {
    name: 'devzone-audit',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
        cacheDir = fileURLToPath(config.cacheDir);
      },
      'astro:build:start': () => {
        startedAt = new Date();
      },
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const contentDir = resolve(root, SITE.contentDir);
        const window = { startedAt, finishedAt: new Date() };
        writeBuildStamp(cacheDir, {
          startedAt: window.startedAt.toISOString(),
          finishedAt: window.finishedAt.toISOString(),
          site: SITE.url,
          base: SITE.base,
          outDir,
          contentDir,
        });
        const started = performance.now();
        const result = await runAudit({
          rootDir: root,
          contentDir,
          outDir,
          site: { origin: SITE.url, base: SITE.base },
          window,
          feedSize: SITE.feedSize,
          bundleDir: options.bundleDir,
          searchPage: fileOfPath(searchPath(), SITE.base) ?? '',
          redirectsLimit: SITE.redirectsLimit,
          // A rebuild reads again only the files written since the last build's audit.
          scanCache: cachePath(cacheDir, 'auditScans'),
          progress: (total) => startProgress({ label: 'files read', total, log: (line) => logger.info(line) }),
        });
        const summary = auditSummary(result, (performance.now() - started) / 1000);
        if (result.findings.length) {
          const error = new Error(`发布检查未通过 / the post-build audit failed (${summary})\n${auditReport(result)}`);
          error.stack = '';
          throw error;
        }
        logger.info(summary);
      },
    },
  };
}
