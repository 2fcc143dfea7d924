import { existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { BULK_REDIRECTS_FILE, bulkRedirectsPath } from '../lib/site/redirects.ts';
import { SITE } from '../site.config.ts';

/**
 * Moves the Cloudflare Bulk Redirects CSV (src/lib/site/redirects.ts; the `[redirects]` route
 * writes it only when there are more redirects than Cloudflare Pages applies from `_redirects`)
 * out of the output folder to beside it, and says what to do with it. Beside, not inside: every
 * file of the output is served, and this one is imported in Cloudflare's dashboard, not read by
 * visitors. Without one this build, a CSV left beside the output by an earlier build is removed,
 * so what is there always belongs to the output next to it. Listed before the integrations that
 * list the output (`_headers`, the prune, the audit).
 */
export function bulkRedirects(): AstroIntegration {
  return {
    name: 'devzone-bulk-redirects',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const written = join(outDir, BULK_REDIRECTS_FILE);
        const target = bulkRedirectsPath(outDir);
        if (!existsSync(written)) {
          rmSync(target, { force: true });
          return;
        }
        renameSync(written, target);
        const rows = readFileSync(target, 'utf8').split('\n').filter(Boolean).length;
        const limit = SITE.redirectsLimit.toLocaleString('en-US');
        logger.warn(
          `${rows.toLocaleString('en-US')} redirects: _redirects holds them all (Netlify reads all of it), but Cloudflare Pages applies only the first ${limit}. ` +
            `For Cloudflare, import ${target} as a Bulk Redirect List (dashboard: Account Home → Bulk Redirects → Create Bulk Redirect List → upload the CSV) and enable it with a Bulk Redirect Rule; see docs/output-and-hosting.md`,
        );
      },
    },
  };
}
