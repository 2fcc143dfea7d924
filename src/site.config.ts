/**
 * The one place for site-wide settings: astro.config.mjs, layouts, listings and scripts read
 * them from here. Contact details and wording shown in the header and footer live here too, so
 * an editor changes them in one file.
 */
export const SITE = {
  /** Site name, shown in the header, in <title> and in feeds. */
  title: '开发区新闻',
  /** One line under the site name in the header. */
  slogan: '开发区招商引资与项目建设资讯',
  /** What the site is, for <meta name="description"> on pages without their own. */
  description: '各地经济技术开发区、高新技术产业开发区的招商引资、项目建设与营商环境新闻。',
  /** Absolute origin the site is served from; canonical URLs and feeds are built on it. */
  url: 'https://news.example.org',
  /** Path the site is served under; `/` at the root of its domain. */
  base: '/',
  /** Language of every page, `<html lang>`; Pagefind reads it to pick its Chinese segmenter. */
  lang: 'zh-CN',
  /** Articles per listing page. */
  pageSize: 20,
  /** Latest articles in each RSS feed (the whole site's and every listing's). */
  feedSize: 50,
  /**
   * Start of every feed item's GUID, which ends with the article's slug. A tag: URI (RFC 4151)
   * names the article rather than its address, so it must never change, even if the site moves
   * to another domain or path: a changed GUID makes every subscriber see every article again.
   */
  feedGuidPrefix: 'tag:news.example.org,2026:news/',
  /** How many related articles an article page shows. */
  relatedCount: 6,
  /** Latest articles on the home page. */
  homeLatest: 12,
  /** How many regions and zones the home page shows as blocks, and articles in each block. */
  homeBlocks: 6,
  homeBlockSize: 5,
  /**
   * Most articles in one part of the search index (src/lib/search-shards.ts): Pagefind needs
   * about 0.7 GB per 1,000 articles while it writes a part, and the build writes two at once.
   * `DEVZONE_SEARCH_SHARD_CAP` changes it, for tests that need several parts from a small site.
   */
  searchShardCap: Number(process.env.DEVZONE_SEARCH_SHARD_CAP) || 4000,
  /** Shown in the footer. */
  contact: {
    organisation: '开发区新闻编辑部',
    phone: '025-8888 6666',
    fax: '025-8888 6667',
    email: 'news@example.org',
    address: '江苏省南京市建邺区示例路 1 号',
  },
  copyright: '© 2020–2026 开发区新闻编辑部 版权所有',
  /**
   * Where the Markdown articles are. `DEVZONE_CONTENT_DIR` points a build at another corpus:
   * the build tests use small fixture folders and the benchmark uses generated archives.
   */
  contentDir: process.env.DEVZONE_CONTENT_DIR ?? 'content/news',
} as const;
