// @ts-check
import { defineConfig } from 'astro/config';
import { pagefindIndex } from './src/integrations/pagefind.ts';
import { SITE } from './src/site.config.ts';

export default defineConfig({
  site: SITE.url,
  base: SITE.base,
  trailingSlash: 'always',
  // One cached stylesheet for every page rather than a copy inlined into each of 100,000 pages.
  build: { format: 'directory', inlineStylesheets: 'never' },
  // Tests and benchmarks build several corpora side by side; each gets its own content cache.
  cacheDir: process.env.DEVZONE_CACHE_DIR,
  // The search index, built from the records src/pages/search/records/ writes (see the integration).
  integrations: [pagefindIndex({ recordsDir: 'search/records', bundleDir: 'pagefind' })],
});
