import XMLBuilder from 'fast-xml-builder';
import { allFeeds, type FeedCatalog, type FeedEntry } from '@/lib/feeds/catalog';
import { FEED_LABELS, SECTION_LABELS } from '@/lib/site/labels';
import { absoluteUrl } from '@/lib/site/urls';
import { xmlText } from '@/lib/feeds/xml';
import { SITE } from '@/site.config';

/**
 * Every feed in one OPML 2.0 file (http://opml.org/spec2.opml), which feed readers import as a
 * subscription list. Feeds are grouped one level deep (全站, 地区, 开发区, 类型, 来源, 年份):
 * readers turn outlines into folders, and most support only one level of them.
 */

const builder = new XMLBuilder({ ignoreAttributes: false, suppressEmptyNode: true, format: true, indentBy: '  ' });

function outline(feed: FeedEntry) {
  const text = xmlText(feed.label);
  return {
    '@_type': 'rss',
    '@_text': text,
    '@_title': xmlText(feed.title),
    '@_xmlUrl': absoluteUrl(feed.path),
    '@_htmlUrl': absoluteUrl(feed.pagePath),
  };
}

function folder(text: string, feeds: FeedEntry[]) {
  return { '@_text': text, '@_title': text, outline: feeds.map(outline) };
}

export function opmlDocument(catalog: FeedCatalog): string {
  const zones = catalog.regions.flatMap(({ zones }) => zones);
  const groups = [
    folder(
      SECTION_LABELS.region,
      catalog.regions.map(({ feed }) => feed),
    ),
    folder(SECTION_LABELS.zone, zones),
    folder(SECTION_LABELS.type, catalog.types),
    folder(SECTION_LABELS.source, catalog.sources),
    folder(SECTION_LABELS.year, catalog.years),
  ].filter((group) => group.outline.length > 0);
  const xml = builder.build({
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    opml: {
      '@_version': '2.0',
      head: { title: FEED_LABELS.opmlTitle(SITE.title, allFeeds(catalog).length) },
      body: { outline: [outline(catalog.site), ...groups] },
    },
  });
  return xml;
}
