import { absoluteUrl, cmsPath, sitemapIndexPath } from '@/lib/site/urls';

/**
 * robots.txt: everything may be crawled but the web editor (/admin/, nothing there for a reader), and the sitemap is announced with its absolute URL
 * (built from SITE.url and SITE.base, never a hard-coded host). Crawlers read robots.txt only at
 * the root of a host, so on a site served under a sub-path this file is a template for the
 * host's own robots.txt rather than something crawlers find.
 */
export function robotsTxt(): string {
  return ['User-agent: *', 'Allow: /', `Disallow: ${cmsPath()}`, '', `Sitemap: ${absoluteUrl(sitemapIndexPath())}`, ''].join('\n');
}
