import type { CmsBackend } from '@/lib/cms/decap-config';
/**
 * The one place for site-wide settings: astro.config.mjs, layouts, listings and scripts read
 * them from here. Contact details and wording shown in the header and footer live here too, so
 * an editor changes them in one file.
 */
/** An origin such as `https://example.org` (no path: the path is `base`). Fails the build on anything else. */
function siteUrl(value: string): string {
  const url = URL.canParse(value) ? new URL(value) : undefined;
  if (!url || !/^https?:$/.test(url.protocol) || url.pathname !== '/' || url.search || url.hash) {
    throw new Error(`DEVZONE_SITE_URL must be an origin such as https://example.org (the path goes in DEVZONE_BASE), not "${value}"`);
  }
  return url.origin;
}

/** `kfq`, `/kfq` and `/kfq/` all mean `/kfq/`; only URL-safe path characters are accepted. */
function basePath(value: string): string {
  const trimmed = value.trim().replace(/^\/+|\/+$/g, '');
  if (!/^[A-Za-z0-9._~-]*(?:\/[A-Za-z0-9._~-]+)*$/.test(trimmed) || /(^|\/)\.\.?(\/|$)/.test(trimmed)) {
    throw new Error(`DEVZONE_BASE must be a path such as /kfq/ (letters, digits, - . _ ~), not "${value}"`);
  }
  return trimmed ? `/${trimmed}/` : '/';
}

export const SITE = {
  /** Site name, shown in the header, in <title> and in feeds. */
  title: '开发区新闻',
  /** One line under the site name in the header. */
  slogan: '开发区招商引资与项目建设资讯',
  /** What the site is, for <meta name="description"> on pages without their own. */
  description: '各地经济技术开发区、高新技术产业开发区的招商引资、项目建设与营商环境新闻。',
  /**
   * Absolute origin the site is served from; canonical URLs and feeds are built on it.
   * `DEVZONE_SITE_URL` sets it for one build (a staging host, a GitHub Pages project site).
   */
  url: siteUrl(process.env.DEVZONE_SITE_URL ?? 'https://news.example.org'),
  /**
   * Path the site is served under: `/` at the root of its domain, `/kfq/` for
   * `https://example.org/kfq/`. `DEVZONE_BASE` sets it for one build; every URL the site writes
   * (src/lib/site/urls.ts) starts with it.
   */
  base: basePath(process.env.DEVZONE_BASE ?? '/'),
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
   * Most articles in one part of the search index (src/lib/search/shards.ts; a day is never cut,
   * so a day with more is one part): Pagefind needs about 0.7 GB per 1,000 articles while it
   * writes a part. The parts are merged into one index (src/lib/search/merge-index.ts), so their
   * size costs readers nothing; small parts keep Pagefind's memory low (two processes fit where
   * one did) and make the part an edited article is in quick to index again.
   * `DEVZONE_SEARCH_SHARD_CAP` changes it, for tests that need several parts from a small site.
   */
  searchShardCap: Number(process.env.DEVZONE_SEARCH_SHARD_CAP) || 500,
  /**
   * Pagefind processes the build runs at once, each writing one shard (never more than the
   * cores). Unset, the build chooses from the memory the machine gives it
   * (src/lib/build/host-memory.ts): as many as fit beside Node within 5 GB, the cgroup's limit
   * and what is free, at least one. `DEVZONE_SEARCH_PROCESSES` sets it: 1 for the lowest peak, 2
   * for the fastest build on two cores.
   */
  searchProcesses: Number(process.env.DEVZONE_SEARCH_PROCESSES) || undefined,
  /**
   * Most redirects Cloudflare Pages applies from `_redirects` (its limit of 2,000 static ones; it
   * ignores the rest). With more, the build also writes the whole set as a Cloudflare Bulk
   * Redirects CSV beside the output folder (src/lib/site/redirects.ts) and says so.
   * `DEVZONE_REDIRECTS_LIMIT` changes it, for tests that need the CSV from a small site.
   */
  redirectsLimit: Number(process.env.DEVZONE_REDIRECTS_LIMIT) || 2000,
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
   * Filing numbers (备案号) a site hosted in mainland China shows in its footer; each line is left
   * out when its field is absent. The values here are examples of the format, not real numbers:
   * put the site's own, or delete the field.
   */
  filing: {
    /** ICP 备案号 as issued, e.g. `苏ICP备00000000号-1`; linked to the MIIT's filing system, https://beian.miit.gov.cn/. */
    icp: '苏ICP备00000000号-1（示例）',
    /**
     * 公安备案号 as issued, e.g. `苏公网安备32010502000000号`; linked to its record on the national
     * police filing site, which is found by the number's digits.
     */
    police: '苏公网安备32010502000000号（示例）',
  } as { icp?: string; police?: string },
  /**
   * Colours the browser and the installed site use: `theme` tints the browser's toolbar
   * (`<meta name="theme-color">`) and is the icon's ground (src/lib/site/icons.ts), `background`
   * fills the splash screen of the installed site (src/lib/site/manifest.ts). `theme` is
   * `--brand` of src/styles/global.css and `background` the page's; a test keeps them equal.
   */
  colours: { theme: '#0b4f9c', background: '#ffffff' },
  /**
   * The web editor at /admin/ (docs/cms.md). `backend` is the git host it commits to, signing in
   * with the host's own accounts: GitHub (`name: 'github'`, `repo: 'owner/name'`), GitLab
   * (`'gitlab'`, plus `app_id`, `auth_type: 'pkce'`, and for a server of one's own `base_url`
   * and `api_root`) or Gitea/Forgejo (`'gitea'`, `base_url`, `api_root` ending in `/api/v1`,
   * `app_id`). No secret goes here: the built site is public. `localProxy` is decap-server's
   * API, used only when the editor is opened on localhost (`DEVZONE_CMS_PROXY` changes it).
   */
  cms: {
    backend: { name: 'github', repo: 'example/devzone-news', branch: 'main' } as CmsBackend,
    localProxy: process.env.DEVZONE_CMS_PROXY ?? 'http://localhost:8081/api/v1',
  },
  /**
   * Where the Markdown articles are. `DEVZONE_CONTENT_DIR` points a build at another corpus:
   * the build tests use small fixture folders and the benchmark uses generated archives.
   */
  contentDir: process.env.DEVZONE_CONTENT_DIR ?? 'content/news',
} as const;
