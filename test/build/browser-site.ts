import { cpSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { buildSite, generateCorpus, ROOT, tempDir } from './helpers';
import { launchChromium, serve } from '../../scripts/site/search-harness.ts';

/** A fixture site built, served on localhost and opened in Debian's Chromium, for the tests that look at pages as readers do. */
export interface BrowserSite {
  origin: string;
  browser: Browser;
  /** Closes the browser and the server and deletes the build. */
  close(): Promise<void>;
}

/**
 * Builds `fixture` (a news folder under test/fixtures/, with the site fixture's registry) plus
 * `generated` articles from the corpus generator (seed `seed`), so listings have more than one
 * page; serves the output and launches Chromium.
 */
export async function openBrowserSite(prefix: string, fixture: string, generated: number, seed: number): Promise<BrowserSite> {
  const work = tempDir(prefix);
  const content = join(work, 'content');
  cpSync(join(ROOT, fixture), content, { recursive: true });
  cpSync(join(ROOT, 'test/fixtures/site/registry.yaml'), join(work, 'registry.yaml'));
  generateCorpus(join(content, 'generated'), generated, seed, join(work, 'registry.yaml'));
  const build = buildSite(content, { work });
  if (build.status !== 0) throw new Error(`build failed:\n${build.output}`);
  const { origin, server }: { origin: string; server: Server } = await serve(build.dist);
  const browser = await launchChromium();
  return {
    origin,
    browser,
    close: async () => {
      await browser.close();
      server.close();
      rmSync(work, { recursive: true, force: true });
    },
  };
}
