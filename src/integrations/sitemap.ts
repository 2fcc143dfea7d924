import { fileURLToPath } from 'node:url';
import sitemap from '@astrojs/sitemap';
import type { AstroIntegration } from 'astro';
import { readArticleManifest } from '../lib/build/article-manifest.ts';
import { cachePath } from '../lib/build/cache-files.ts';
import { buildTime } from '../lib/build/clock.ts';
import { isVisible, withoutFutureUpdate } from '../lib/content/article.ts';
import { articleLastmods, withLastmod } from '../lib/site/sitemap.ts';

/**
 * sitemap-index.xml plus sitemap-N.xml files of at most 45,000 URLs each, written by
 * @astrojs/sitemap when the build is done from the pages Astro wrote. It leaves out 404.html
 * itself; drafts and scheduled articles are never built, so never listed. Only pages (URLs ending
 * in /) go in: feeds, the OPML file and robots.txt are not web pages.
 *
 * Article pages get a `lastmod` (src/lib/site/sitemap.ts). Their dates come from the article
 * manifest the content sync writes (src/lib/build/article-manifest.ts), read with the build's
 * moment (src/lib/build/clock.ts) and the same rules as the pages (src/lib/site/collections.ts),
 * so `lastmod` is the 更新时间 or 发布时间 the page shows. If `serialize` throws, @astrojs/sitemap
 * logs it and writes no sitemap, which the post-build audit reports for every article.
 */
export function siteSitemap(): AstroIntegration {
  let manifest: string | undefined;
  let lastmods: Map<string, string> | undefined;
  const lastmodsOfThisBuild = () => {
    if (!manifest) throw new Error('the sitemap needs the cache folder, set when the config is done');
    const now = buildTime();
    const published = readArticleManifest(manifest)
      .map(({ article }) => article)
      .filter((article) => isVisible(article, { now, preview: false }))
      .map((article) => withoutFutureUpdate(article, now));
    return articleLastmods(published);
  };
  const inner = sitemap({
    filter: (page) => page.endsWith('/'),
    serialize: (entry) => withLastmod(entry, (lastmods ??= lastmodsOfThisBuild())),
  });
  return {
    name: 'devzone:sitemap',
    hooks: {
      ...inner.hooks,
      'astro:config:done': async (options) => {
        manifest = cachePath(fileURLToPath(options.config.cacheDir), 'articleManifest');
        lastmods = undefined;
        await inner.hooks['astro:config:done']?.(options);
      },
    },
  };
}
