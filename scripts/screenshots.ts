// Screenshots of each page type of the sample site (content/news), so a reviewer sees the site
// without building it: the first screen (the viewport, not the full page, to keep the files
// small) at 360 and 1280 px, light and dark, as JPEG into docs/screenshots/.
//
//   npm run screenshots [-- --dist BUILT_SITE]
import { mkdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildSite, ROOT } from './site/build.ts';
import { host } from './site/host.ts';
import { pageTypes } from './site/page-types.ts';
import { launchChromium, waitForSearch } from './site/search-harness.ts';

const WIDTHS = [360, 1280];
const SCHEMES = ['light', 'dark'] as const;
const OUT = join(ROOT, 'docs', 'screenshots');

const { values } = parseArgs({ options: { dist: { type: 'string' } } });
// --dist reuses a site already built by `npm run build`.
const build = values.dist ? { status: 0, output: '', dist: resolve(values.dist) } : buildSite(join(ROOT, 'content', 'news'));
if (build.status !== 0) {
  console.error(build.output);
  process.exit(1);
}

rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });
const { origin, server } = await host(build.dist, '/');
const browser = await launchChromium();
try {
  for (const colorScheme of SCHEMES) {
    for (const width of WIDTHS) {
      const context = await browser.newContext({ colorScheme, viewport: { width, height: width < 600 ? 780 : 800 } });
      const page = await context.newPage();
      for (const { key, path, searches } of pageTypes(build.dist)) {
        await page.goto(`${origin}${path}`);
        if (searches) await waitForSearch(page);
        const file = join(OUT, `${key}-${width}-${colorScheme}.jpg`);
        await page.screenshot({ path: file, type: 'jpeg', quality: 60 });
        console.log(file.slice(ROOT.length + 1));
      }
      await context.close();
    }
  }
} finally {
  await browser.close();
  server.close();
  if (!values.dist) rmSync(dirname(build.dist), { recursive: true, force: true });
}
