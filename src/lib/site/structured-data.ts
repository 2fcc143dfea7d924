import type { Article } from '@/lib/content/article';
import { toBeijingIso } from '@/lib/content/dates';
import type { Crumb } from '@/lib/site/listings';
import { absoluteUrl, articlePath, homePath, listingPath } from '@/lib/site/urls';
import type { ShareImage } from '@/lib/site/picture-slots';
import { SITE } from '@/site.config';

/**
 * schema.org data for search engines, as JSON-LD (https://developers.google.com/search/docs/appearance/structured-data/article):
 * a NewsArticle and a BreadcrumbList that mirrors the breadcrumb the page shows.
 */

export type JsonLd = Record<string, unknown>;

function organisation(name: string, path: string): JsonLd {
  return { '@type': 'Organization', name, url: absoluteUrl(path) };
}

/** The article's picture for search engines: the link-preview picture, with its size when known. */
function imageObject(share: ShareImage): JsonLd {
  return {
    '@type': 'ImageObject',
    url: absoluteUrl(share.url),
    ...(share.width && share.height && { width: share.width, height: share.height }),
  };
}

/** `share`: the cover's link-preview picture (src/lib/site/pictures.ts), absent without a cover or for an SVG one. */
export function newsArticleJsonLd(article: Article, share?: ShareImage): JsonLd {
  const url = absoluteUrl(articlePath(article.slug));
  // 来源 is the office that issued the news: its author, and the organisation behind the facts.
  const source = organisation(article.source, listingPath('source', article.source));
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: article.title,
    ...(article.summary && { description: article.summary }),
    url,
    mainEntityOfPage: { '@type': 'WebPage', '@id': url },
    datePublished: toBeijingIso(article.date),
    // Only when the editor gave `updated`: an article never corrected claims no modification.
    ...(article.updated && { dateModified: toBeijingIso(article.updated) }),
    inLanguage: SITE.lang,
    articleSection: article.type,
    ...(article.tags.length > 0 && { keywords: article.tags }),
    ...(share && { image: [imageObject(share)] }),
    author: source,
    sourceOrganization: source,
    publisher: organisation(SITE.contact.organisation, homePath()),
    contentLocation: {
      '@type': 'Place',
      name: article.zone,
      url: absoluteUrl(listingPath('zone', article.zone)),
      containedInPlace: { '@type': 'City', name: article.region, url: absoluteUrl(listingPath('region', article.region)) },
    },
  };
}

/** The breadcrumb as schema.org sees it: the same items, in order, with absolute URLs. */
export function breadcrumbJsonLd(crumbs: readonly Crumb[]): JsonLd {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: crumbs.map((crumb, i) => ({
      '@type': 'ListItem',
      position: i + 1,
      name: crumb.label,
      ...(crumb.href && { item: absoluteUrl(crumb.href) }),
    })),
  };
}

/**
 * JSON for an inline <script type="application/ld+json">. A title containing `</script>` would
 * end the element early, and `<!--` changes how HTML parses script text, so `<`, `>` and `&`
 * are written as \u escapes, which JSON reads back as the same characters. U+2028/U+2029 are
 * escaped too, for any consumer that evaluates the text as JavaScript.
 */
export function serializeJsonLd(data: JsonLd): string {
  return JSON.stringify(data).replace(/[<>&\u2028\u2029]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
