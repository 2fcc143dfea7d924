import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { fileOfPath, outputFiles } from '../lib/build/output-files.ts';
import { inlineScripts } from '../lib/build/page-scripts.ts';
import { headersFile, scriptHash } from '../lib/site/http-headers.ts';
import { cmsPath, searchPath } from '../lib/site/urls.ts';
import { SITE } from '../site.config.ts';

/**
 * Writes `dist/_headers` (src/lib/site/http-headers.ts) once the output is complete, search index
 * included: its cache rules name the files the build wrote, and its CSP carries the hash of any
 * inline script Astro put into the search page, read from the built page itself.
 */
export function securityHeaders(options: { bundleDir: string; assetsDir: string }): AstroIntegration {
  return {
    name: 'devzone-headers',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const searchPage = join(outDir, fileOfPath(searchPath(), SITE.base) ?? '');
        const scriptHashes = inlineScripts(readFileSync(searchPage, 'utf8')).map(scriptHash);
        const files = outputFiles(outDir);
        // The web editor brings its own policy (src/integrations/cms.ts); the site's is detached there.
        const cmsDir = cmsPath().slice(SITE.base.length, -1);
        const ownPolicyDirs = files.some((file) => file.startsWith(`${cmsDir}/`)) ? [cmsDir] : [];
        const text = headersFile(files, { base: SITE.base, ...options, scriptHashes, ownPolicyDirs });
        writeFileSync(join(outDir, '_headers'), text);
        logger.info(
          `_headers: ${text.split('\n').filter((line) => /^\S/.test(line)).length} rules, ${scriptHashes.length} inline script hash(es) in the CSP`,
        );
      },
    },
  };
}
