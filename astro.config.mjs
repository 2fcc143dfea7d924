// @ts-check
import { defineConfig, sharpImageService } from 'astro/config';
import { postBuildAudit } from './src/integrations/post-build-audit.ts';
import { buildStats } from './src/integrations/stage-timings.ts';
import { securityHeaders } from './src/integrations/security-headers.ts';
import { keptOutput } from './src/integrations/kept-output.ts';
import { pagefindIndex } from './src/integrations/pagefind.ts';
import { bulkRedirects } from './src/integrations/bulk-redirects.ts';
import { hostLimits } from './src/integrations/host-limits.ts';
import { siteSitemap } from './src/integrations/sitemap.ts';
import { cmsEditor } from './src/integrations/cms.ts';
import { SITE } from './src/site.config.ts';

// dist/ is kept between builds and pruned to what this build wrote (see the integration).
const output = keptOutput({ bundleDir: 'pagefind' });

export default defineConfig({
  site: SITE.url,
  base: SITE.base,
  trailingSlash: 'always',
  // One cached stylesheet for every page rather than a copy inlined into each of 100,000 pages.
  build: { format: 'directory', inlineStylesheets: 'never' },
  // Tests and benchmarks build several corpora side by side; each gets its own content cache.
  cacheDir: process.env.DEVZONE_CACHE_DIR,
  experimental: {
    // A rebuild copies a page from the cache (cacheDir/dist/) instead of rendering it when its
    // code and its cacheKey are unchanged. Keys cover everything a page shows about other
    // articles too (src/lib/site/page-keys.ts); pages without a key are rendered every time.
    incrementalBuild: true,
  },
  // Keep dist/ between builds: Astro then leaves an unchanged page in place instead of copying it
  // back from cacheDir/dist/. The output integrations below empty it when it cannot be trusted
  // and remove what a build no longer writes, so it always ends up as a cold build's.
  vite: { build: { emptyOutDir: false } },
  // Covers and body pictures are encoded as AVIF, WebP and JPEG/PNG (src/lib/site/pictures.ts).
  // AVIF at effort 2 encodes about ten times faster than sharp's default 4, for files about a
  // third larger, still smaller than WebP; mozjpeg makes the JPEG fallbacks about a quarter
  // smaller. Astro names encoded files by the transform, not by these options: after changing
  // them, delete the cache folder's `assets/` (ASTRO_CACHE_FILES.optimizedImages).
  image: { service: sharpImageService({ avif: { effort: 2 }, jpeg: { mozjpeg: true } }) },
  integrations: [
    // Stage timings for `npm run bench`, written only when DEVZONE_BUILD_STATS names a file.
    buildStats(),
    // Before anything is written: empties dist/ unless it is exactly what the last build with this cache left.
    output.guard,
    // sitemap-index.xml and sitemap-N.xml: every page, an article with its lastmod (see the integration).
    siteSitemap(),
    // The search index, built from the content while the pages render (see the integration).
    pagefindIndex({ bundleDir: 'pagefind' }),
    // Above the redirects Cloudflare Pages applies, moves the Bulk Redirects CSV the build wrote
    // out of dist/ to beside it (dist.cloudflare-bulk-redirects.csv), before anything lists dist/.
    bulkRedirects(),
    // dist/admin/: the web editor (Decap CMS) and its configuration, generated from the schema and
    // the registry; after the sitemap, so it is not listed, and before _headers, which gives it its policy.
    cmsEditor(),
    // dist/_headers: security headers and cache rules for the files written above.
    securityHeaders({ bundleDir: 'pagefind', assetsDir: '_astro' }),
    // After every writer above, before the audit: removes what this build no longer writes
    // (dist/pagefind/ is the search integration's to prune) and stamps the result in cacheDir.
    output.prune,
    // The finished output's file count and size against the limits of common static hosts.
    hostLimits(),
    // Last: reads the finished output (search index included) and fails the build on any finding.
    postBuildAudit({ bundleDir: 'pagefind' }),
  ],
});
