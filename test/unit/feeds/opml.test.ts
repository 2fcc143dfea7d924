import { XMLParser } from 'fast-xml-parser';
import { describe, expect, test } from 'vitest';
import { allFeeds, feedCatalog } from '@/lib/feeds/catalog';
import { opmlDocument } from '@/lib/feeds/opml';
import { buildSiteIndex } from '@/lib/site/site-index';
import { article, assertWellFormed } from '../helpers';

const index = buildSiteIndex(
  [
    article('a', { zone: '盐城经济技术开发区', source: '管委会 <办公室> & "宣传"\u0001' }),
    article('b', { zone: '苏州工业园区', region: '苏州', year: 2022 }),
  ],
  3,
);
const catalog = feedCatalog(index);
const xml = opmlDocument(catalog);
const parser = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'outline' });

describe('opmlDocument', () => {
  test('is well-formed OPML 2.0', () => {
    assertWellFormed(xml);
    expect(parser.parse(xml).opml['@_version']).toBe('2.0');
  });

  test('holds every feed once, with absolute feed and page URLs', () => {
    const outlines: Array<Record<string, string>> = [];
    const walk = (nodes: Array<Record<string, unknown>>) => {
      for (const node of nodes) {
        if (node['@_type'] === 'rss') outlines.push(node as Record<string, string>);
        if (Array.isArray(node.outline)) walk(node.outline);
      }
    };
    walk(parser.parse(xml).opml.body.outline);
    expect(outlines.map((outline) => outline['@_xmlUrl']).sort()).toEqual(
      allFeeds(catalog)
        .map((feed) => `https://news.example.org${feed.path}`)
        .sort(),
    );
    const source = outlines.find((outline) => outline['@_htmlUrl'].includes('/sources/'));
    expect(source?.['@_text']).toBe('管委会 <办公室> & "宣传"');
  });

  test('groups feeds one folder deep: site first, then 地区, 开发区, 类型, 来源, 年份', () => {
    const top = parser.parse(xml).opml.body.outline;
    expect(top.map((node: Record<string, string>) => node['@_text'])).toEqual(['全站新闻', '地区', '开发区', '类型', '来源', '年份']);
  });
});
