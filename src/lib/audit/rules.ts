import { pagePathOf } from '@/lib/build/output-files';
import { fileOfPath, judgeLink, linkPath, type LinkSite } from '@/lib/content/links';
import { ADMIN_SCRIPTS } from '@/lib/cms/admin-page';
import { articlePath, cmsPath, largeTextScriptPath } from '@/lib/site/urls';
import type { ExpectedSite } from '@/lib/audit/expected';
import { scanHtml, scanXml, type PageScan, type XmlScan } from '@/lib/audit/scan';
import { scriptHash } from '@/lib/site/http-headers';
import { bulkRedirectsProblems, type BulkRedirectsInput } from '@/lib/audit/bulk-redirects';
import { BULK_REDIRECTS_FILE } from '@/lib/site/redirects';

/**
 * The post-build audit: is everything that should be published in the output, and nothing that
 * should not? Fed one built file at a time (src/lib/audit/runner.ts reads them), it keeps only
 * sets of URLs, never the files, and at the end compares them with what the content says
 * (src/lib/audit/expected.ts). Every finding is kept, not only the first.
 */

export type AuditRule =
  | 'content'
  | 'missing-page'
  | 'missing-listing'
  | 'missing-feed'
  | 'missing-sitemap'
  | 'missing-search'
  | 'unpublished'
  | 'broken-link'
  | 'outside-base'
  | 'duplicate-canonical'
  | 'unsafe-markup'
  | 'headers'
  | 'redirects';

export interface Finding {
  rule: AuditRule;
  message: string;
}

export interface AuditStats {
  articles: number;
  undecided: number;
  hidden: number;
  pages: number;
  links: number;
  distinctLinks: number;
  feeds: number;
  feedItems: number;
  sitemapUrls: number;
  searchRecords: number;
  bundles: number;
}

export interface AuditResult {
  findings: Finding[];
  stats: AuditStats;
}

export interface AuditSite {
  /** `https://example.org`: absolute URLs on it are the site's own. */
  origin: string;
  /** `/` or `/kfq/`: every URL of the site starts with it. */
  base: string;
}

export class SiteAudit {
  private readonly findings: Finding[] = [];
  /** Each distinct internal URL path referred to, with the first file that does so and how often. */
  private readonly targets = new Map<string, { from: string; count: number }>();
  private readonly canonicals = new Map<string, string>();
  /** Article paths each listing's pages link to, by listing path. */
  private readonly listed = new Map<string, Set<string>>();
  /** Article paths each feed carries, by feed path. */
  private readonly fed = new Map<string, Set<string>>();
  private readonly sitemapUrls = new Set<string>();
  private readonly searchUrls = new Set<string>();
  private readonly hiddenPaths: Map<string, string>;
  /** Source file of each published article's page, so a finding on the page names what to edit. */
  private readonly sources: Map<string, string>;
  private readonly bundles = new Set<string>();
  private readonly stats = { pages: 0, links: 0, feeds: 0, feedItems: 0 };
  /** CSP hashes the search page's inline scripts need, and the CSP `_headers` gives. */
  private searchScriptHashes: string[] = [];
  private csp?: string;
  /** The web editor's page, when the build wrote one, and what keeps it to itself. */
  private cmsPage?: string;
  private cmsPolicyDetached = false;
  private cmsDisallowed = false;
  private headersRule = '';
  /** The text of `_redirects`, for the Bulk Redirects check. */
  private redirects = '';
  private readonly expected: ExpectedSite;
  private readonly site: AuditSite;
  /** Every file of the output, relative to it, `/`-separated. */
  private readonly files: ReadonlySet<string>;

  constructor(expected: ExpectedSite, site: AuditSite, files: ReadonlySet<string>) {
    this.expected = expected;
    this.site = site;
    this.files = files;
    const published = new Set(expected.published.map((article) => articlePath(article.slug)));
    this.sources = new Map(expected.published.map((article) => [fileOfPath(articlePath(article.slug), site.base) ?? '', article.file]));
    this.hiddenPaths = new Map(
      expected.hidden
        .map((article) => [articlePath(article.slug), `${article.draft ? 'draft' : 'scheduled'} ${article.file}`] as const)
        .filter(([path]) => !published.has(path)),
    );
  }

  private find(rule: AuditRule, message: string): void {
    this.findings.push({ rule, message });
  }

  /**
   * The path of a URL on this site, or undefined for another site's URL (or `mailto:`, `#top`…).
   * `from` is the URL path of the file the URL is in, for relative URLs.
   */
  resolve(url: string, from: string): string | undefined {
    return linkPath(url, from, this.site.origin);
  }

  /** Records that `file` (URL path `from`) refers to `url`, `count` times. */
  private link(url: string, file: string, from: string, count = 1): string | undefined {
    const path = this.resolve(url, from);
    if (path === undefined) return undefined;
    this.stats.links += count;
    const target = this.targets.get(path);
    if (target) target.count += count;
    else this.targets.set(path, { from: file, count });
    return path;
  }

  /**
   * Links that resolve the same from any page (absolute paths and URLs), counted per batch of
   * pages on the build's worker pool (scanOutputFiles, src/lib/audit/scan.ts): `[url, first page with it, how many times]`.
   */
  sharedLinks(links: ReadonlyArray<readonly [string, string, number]>): void {
    for (const [url, file, count] of links) this.link(url, file, this.site.base, count);
  }

  private fileOf(path: string): string | undefined {
    return fileOfPath(path, this.site.base);
  }

  private unsafe(file: string, problems: readonly string[]): void {
    for (const problem of problems) this.find('unsafe-markup', `${file}: ${problem}`);
  }

  /**
   * A built HTML page. `searchPage` is the one page allowed inline script (by its CSP hash) and
   * scripts of its own; every other page may load one script, the 大字模式 one, and nothing else.
   */
  page(file: string, html: string, options: { searchPage?: boolean } = {}): void {
    this.pageScanned(file, scanHtml(html), options);
  }

  /** A built page, already tokenized (on a worker thread, see src/lib/audit/runner.ts). */
  pageScanned(file: string, scan: PageScan, { searchPage = false } = {}): void {
    const from = pagePathOf(file, this.site.base);
    this.stats.pages++;
    this.unsafe(file, scan.unsafe);
    if (searchPage) this.searchScriptHashes = scan.inlineScripts.map(scriptHash);
    else if (scan.inlineScripts.length) this.find('unsafe-markup', `${file}: ${scan.inlineScripts.length} inline <script> element(s)`);
    // The web editor's page is there on purpose (src/integrations/cms.ts): it loads Decap's bundle
    // and the save rules, nothing else, under its own policy, which _headers must leave to it.
    const allowed = from === cmsPath() ? ADMIN_SCRIPTS.map((script) => `${cmsPath()}${script}`) : [largeTextScriptPath()];
    if (from === cmsPath()) this.cmsPage = file;
    if (!searchPage)
      for (const src of scan.scriptSources)
        if (!allowed.includes(this.resolve(src, from) ?? src))
          this.find('unsafe-markup', `${file}: <script src="${src}">, a script other than ${allowed.join(' and ')}`);
    for (const url of scan.links) this.link(url, file, from);
    if (scan.canonical !== undefined) {
      const canonical = this.resolve(scan.canonical, from) ?? scan.canonical;
      const twin = this.canonicals.get(canonical);
      if (twin) this.find('duplicate-canonical', `${file} and ${twin} both claim the canonical URL ${scan.canonical}`);
      else this.canonicals.set(canonical, file);
    }
    const listing = this.expected.listings.get(from.replace(/page\/\d+\/$/, ''));
    if (listing) {
      let members = this.listed.get(listing.path);
      if (!members) this.listed.set(listing.path, (members = new Set()));
      for (const url of scan.mainLinks) {
        const path = this.resolve(url, from);
        if (path !== undefined) members.add(path);
      }
    }
  }

  /** A built XML file: a feed, a sitemap or sitemap index, the OPML list. */
  xml(file: string, xml: string): void {
    this.xmlScanned(file, scanXml(xml));
  }

  xmlScanned(file: string, scan: XmlScan): void {
    const from = `${this.site.base}${file}`;
    for (const url of scan.links) this.link(url, file, from);
    if (scan.kind === 'feed') {
      this.stats.feeds++;
      this.stats.feedItems += scan.entries.length;
      const items = new Set<string>();
      for (const url of scan.entries) {
        const path = this.resolve(url, from);
        if (path !== undefined) items.add(path);
      }
      this.fed.set(from, items);
      for (const html of scan.bodies) {
        const scripts = [
          ...(html.inlineScripts.length ? ['inline <script>'] : []),
          ...html.scriptSources.map((src) => `<script src="${src}">`),
        ];
        this.unsafe(`${file} (an item's content:encoded)`, [...html.unsafe, ...scripts]);
        for (const url of html.links) this.link(url, file, from);
      }
    } else if (scan.kind === 'sitemap' || scan.kind === 'sitemap-index') {
      for (const url of scan.entries) {
        this.link(url, file, from);
        if (scan.kind === 'sitemap') this.sitemapUrls.add(url);
      }
    }
  }

  /**
   * A plain-text file the host or crawlers read: `_redirects` (targets), `robots.txt`
   * (`Sitemap:` lines), `_headers` (the paths its rules apply to must be under the base), the
   * web manifest (its start URL, scope and icons).
   */
  text(file: string, text: string): void {
    const from = `${this.site.base}${file}`;
    if (file === '_redirects') this.redirects = text;
    if (file.endsWith('.webmanifest')) {
      this.manifest(file, text, from);
      return;
    }
    for (const line of text.split('\n')) {
      if (file === '_redirects') {
        const target = line.trim().split(/\s+/)[1];
        if (target) this.link(target, file, from);
      } else if (file === 'robots.txt') {
        const sitemap = /^sitemap:\s*(\S+)/i.exec(line.trim())?.[1];
        if (sitemap) this.link(sitemap, file, from);
        if (line.trim() === `Disallow: ${cmsPath()}`) this.cmsDisallowed = true;
      } else if (file === '_headers') {
        if (/^\S/.test(line) && !line.startsWith('#') && !line.startsWith(this.site.base)) {
          this.find('outside-base', `_headers: the rule for ${line.trim()} is not under the base ${this.site.base}`);
        }
        if (/^\S/.test(line)) this.headersRule = line.trim();
        this.csp ??= /^\s+Content-Security-Policy:\s*(.*)$/i.exec(line)?.[1];
        if (this.headersRule === `${cmsPath()}*` && /^\s+!\s*Content-Security-Policy\s*$/i.test(line)) this.cmsPolicyDetached = true;
      }
    }
  }

  /** The web manifest: JSON whose start URL, scope and icons must be in the output. */
  private manifest(file: string, text: string, from: string): void {
    let manifest: { start_url?: unknown; scope?: unknown; icons?: Array<{ src?: unknown }> };
    try {
      manifest = JSON.parse(text) as typeof manifest;
    } catch (error) {
      this.find('broken-link', `${file} is not JSON: ${(error as Error).message}`);
      return;
    }
    const urls = [manifest.start_url, manifest.scope, ...(manifest.icons ?? []).map((icon) => icon.src)];
    for (const url of urls) if (typeof url === 'string') this.link(url, file, from);
  }

  /** A record of a search index bundle (its page URL, and the cover it shows, if any). */
  searchRecord(bundle: string, url: string, image?: string): void {
    this.bundles.add(bundle);
    const from = `${this.site.base}${bundle}/`;
    const path = this.link(url, bundle, from);
    if (path !== undefined) this.searchUrls.add(path);
    if (image) this.link(image, bundle, from);
  }

  /**
   * The Cloudflare Bulk Redirects CSV beside the output (src/lib/audit/bulk-redirects.ts), after
   * `_redirects` was read. Inside the output it would be served to anyone, so it must not be there.
   */
  bulkRedirects(input: Omit<BulkRedirectsInput, 'redirects' | 'origin'>): void {
    if (this.files.has(BULK_REDIRECTS_FILE)) this.find('redirects', `${BULK_REDIRECTS_FILE} is in the output, where the host serves it`);
    for (const problem of bulkRedirectsProblems({ ...input, redirects: this.redirects, origin: this.site.origin }))
      this.find('redirects', problem);
  }

  finish(): AuditResult {
    const { expected, site, files } = this;
    const absolute = (path: string) => `${site.origin}${path}`;
    for (const article of expected.published) {
      const path = articlePath(article.slug);
      const name = `${article.file} (${path})`;
      if (!files.has(this.fileOf(path) ?? '')) this.find('missing-page', `${name} has no page`);
      if (!this.sitemapUrls.has(absolute(path))) this.find('missing-sitemap', `${name} is not in the sitemap`);
      if (!this.searchUrls.has(path)) this.find('missing-search', `${name} is not in the search index`);
    }
    for (const listing of expected.listings.values()) {
      const listed = this.listed.get(listing.path);
      const what = listing.kind === 'all' ? 'the list of all news' : `the ${listing.kind} listing ${listing.name}`;
      if (!listed) this.find('missing-listing', `${what} has no page at ${listing.path}`);
      else
        for (const path of listing.members)
          if (!listed.has(path)) this.find('missing-listing', `${path} is missing from ${what} (${listing.path})`);
      const fed = this.fed.get(listing.feed);
      if (!fed) this.find('missing-feed', `${what} has no feed at ${listing.feed}`);
      else
        for (const path of listing.inFeed)
          if (!fed.has(path)) this.find('missing-feed', `${path} is missing from the feed ${listing.feed}`);
    }
    for (const [path, what] of this.hiddenPaths) {
      const places = [
        files.has(this.fileOf(path) ?? '') && 'has a page',
        this.targets.has(path) && `is linked from ${this.targets.get(path)?.from}`,
        this.sitemapUrls.has(absolute(path)) && 'is in the sitemap',
        this.searchUrls.has(path) && 'is in the search index',
      ].filter(Boolean);
      if (places.length) this.find('unpublished', `${what} (${path}) ${places.join(', ')}`);
    }
    if (this.cmsPage) {
      if (!this.cmsPolicyDetached)
        this.find('headers', `_headers does not detach the site's CSP from ${cmsPath()}, so ${this.cmsPage} cannot run under its own`);
      if (!this.cmsDisallowed) this.find('headers', `robots.txt does not disallow ${cmsPath()}, the web editor`);
      if (this.sitemapUrls.has(absolute(cmsPath()))) this.find('headers', `the sitemap lists ${cmsPath()}, the web editor`);
      if (this.searchUrls.has(cmsPath())) this.find('headers', `the search index has ${cmsPath()}, the web editor`);
    }
    if (this.csp === undefined) this.find('headers', '_headers is missing, or has no Content-Security-Policy');
    else
      for (const hash of this.searchScriptHashes)
        if (!this.csp.includes(hash)) this.find('headers', `the CSP in _headers lacks ${hash}, an inline script of the search page`);
    // The links rule the editors' check applies to bodies (src/lib/content/links.ts); links to
    // hidden articles were reported above, as `unpublished`.
    const linkSite: LinkSite = { base: site.base, hasFile: (file) => files.has(file), isHidden: (path) => this.hiddenPaths.has(path) };
    for (const [path, target] of this.targets) {
      const verdict = judgeLink(path, linkSite);
      if (verdict === 'ok' || verdict === 'hidden') continue;
      const source = this.sources.get(target.from);
      const from = source ? `${target.from} (${source})` : target.from;
      const count = target.count;
      const times = count > 1 ? ` (and ${count - 1} more time(s))` : '';
      if (verdict === 'outside-base') this.find('outside-base', `${from} refers to ${path}, outside the base ${site.base}${times}`);
      else this.find('broken-link', `${from} refers to ${path}, which is not in the output${times}`);
    }
    return {
      findings: this.findings,
      stats: {
        articles: expected.published.length,
        undecided: expected.undecided.length,
        hidden: expected.hidden.length,
        pages: this.stats.pages,
        links: this.stats.links,
        distinctLinks: this.targets.size,
        feeds: this.stats.feeds,
        feedItems: this.stats.feedItems,
        sitemapUrls: this.sitemapUrls.size,
        searchRecords: this.searchUrls.size,
        bundles: this.bundles.size,
      },
    };
  }
}

const number = (value: number) => value.toLocaleString('en-US');

/** What the audit checked, in one line: the figures a green build shows. */
export function auditSummary({ stats }: AuditResult, seconds: number): string {
  const held = stats.hidden ? `, ${number(stats.hidden)} draft or scheduled absent` : '';
  const undecided = stats.undecided ? `, ${number(stats.undecided)} due during the build not judged` : '';
  return (
    `checked ${number(stats.articles)} articles${held}${undecided}; ${number(stats.pages)} pages, ` +
    `${number(stats.links)} links (${number(stats.distinctLinks)} distinct URLs), ${number(stats.feeds)} feeds ` +
    `(${number(stats.feedItems)} items), ${number(stats.sitemapUrls)} sitemap URLs, ${number(stats.searchRecords)} search records ` +
    `in ${number(stats.bundles)} bundle(s) in ${seconds.toFixed(1)}s`
  );
}

/** Every finding, grouped by rule, then a count: what a failed build prints. */
export function auditReport(result: AuditResult): string {
  const byRule = new Map<AuditRule, string[]>();
  for (const { rule, message } of result.findings) {
    const messages = byRule.get(rule);
    if (messages) messages.push(message);
    else byRule.set(rule, [message]);
  }
  const lines: string[] = [];
  for (const [rule, messages] of byRule) {
    lines.push(`${rule} (${number(messages.length)}):`);
    for (const message of messages.sort()) lines.push(`  ${message}`);
  }
  lines.push(`发布检查未通过：${number(result.findings.length)} 个问题 / the audit found ${number(result.findings.length)} problem(s)`);
  return lines.join('\n');
}
