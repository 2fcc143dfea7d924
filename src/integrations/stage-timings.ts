import type { AstroIntegration } from 'astro';
import { recordStage, takeCounter } from '../lib/build/stage-stats.ts';

/**
 * Writes the build's stage timings for `npm run bench` (see src/lib/build/stage-stats.ts), as
 * disjoint stages in build order:
 * - content: the content layer's sync (the loader's check and Markdown rendering, the store);
 * - bundle: checking the kept output folder (src/integrations/kept-output.ts, listed after this one),
 *   then Vite/Rolldown bundling the routes (ends at the last bundle written);
 * - pages: rendering every route except the feeds;
 * - feeds: rendering the RSS feeds (timed inside src/lib/feeds/feed-responses.ts).
 * The search index writes its own line from its integration.
 */
export function buildStats(): AstroIntegration {
  let configDone = 0;
  let buildStart = 0;
  let bundled = 0;
  return {
    name: 'devzone-build-stats',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'devzone-build-stats',
                closeBundle() {
                  bundled = performance.now();
                },
              },
            ],
          },
        });
      },
      'astro:config:done': () => {
        configDone = performance.now();
      },
      'astro:build:start': () => {
        buildStart = performance.now();
        recordStage({ stage: 'content', ms: buildStart - configDone });
      },
      'astro:build:generated': () => {
        const generated = performance.now();
        const start = Math.max(bundled, buildStart);
        const feeds = takeCounter('feeds');
        recordStage({ stage: 'bundle', ms: start - buildStart });
        recordStage({ stage: 'pages', ms: generated - start - feeds.ms });
        recordStage({ stage: 'feeds', ms: feeds.ms, feeds: feeds.count });
      },
    },
  };
}
