import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { searchDocument, SEARCH_LANGUAGE, type SearchRecord } from '../lib/search-records.ts';

/**
 * Builds the search index at the end of `astro build`, with Pagefind's Node API. The build
 * writes the search records of every article to `recordsDir` (src/pages/search/records/); this
 * turns each into a small page of search tokens (src/lib/search-records.ts), indexes them,
 * writes the bundle to `bundleDir` and deletes the records. Any error Pagefind reports fails
 * the build, rather than publishing a site whose search silently misses articles.
 */

export interface PagefindOptions {
  /** Where the build wrote the records, relative to the output folder. */
  recordsDir: string;
  /** Where the bundle goes, relative to the output folder; the search page loads it from there. */
  bundleDir: string;
}

function fail(errors: string[], step: string): void {
  if (errors.length > 0) throw new Error(`Pagefind ${step} failed:\n${errors.join('\n')}`);
}

export function pagefindIndex(options: PagefindOptions): AstroIntegration {
  return {
    name: 'devzone-pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const out = fileURLToPath(dir);
        const recordsDir = join(out, options.recordsDir);
        const files = (await readdir(recordsDir)).filter((name) => name.endsWith('.json')).sort();
        if (files.length === 0) throw new Error(`no search records in ${recordsDir}`);

        const { index, errors } = await pagefind.createIndex({});
        fail(errors, 'createIndex');
        if (!index) throw new Error('Pagefind created no index');
        let count = 0;
        let added: number;
        try {
          for (const file of files) {
            const records = JSON.parse(await readFile(join(recordsDir, file), 'utf8')) as SearchRecord[];
            const responses = await Promise.all(
              records.map((record) => index.addHTMLFile({ url: record.url, content: searchDocument(record) })),
            );
            fail(
              responses.flatMap((response) => response.errors),
              'indexing',
            );
            count += records.length;
          }
          added = performance.now();
          const written = await index.writeFiles({ outputPath: join(out, options.bundleDir) });
          fail(written.errors, 'writeFiles');
        } finally {
          await pagefind.close();
        }
        await rm(recordsDir, { recursive: true });
        const seconds = (from: number, to: number) => `${((to - from) / 1000).toFixed(1)}s`;
        const done = performance.now();
        logger.info(
          `indexed ${count} articles in ${seconds(started, done)} (adding ${seconds(started, added)}, writing ${seconds(added, done)}): ` +
            `Chinese as character bigrams (src/lib/search-tokens.ts), language "${SEARCH_LANGUAGE}", ` +
            `so Pagefind's own zh segmenter does not run`,
        );
      },
    },
  };
}
