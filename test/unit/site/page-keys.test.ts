import { describe, expect, test } from 'vitest';
import type { Article } from '@/lib/content/article';
import type { ArticlePageProps, ListingProps } from '@/lib/site/page-props';
import { articlePageKey, listingPageKey, sharedKey } from '@/lib/site/page-keys';
import { paginate } from '@/lib/site/pagination';
import { siteSlugs, useSiteSlugs } from '@/lib/site/registry-slugs';
import type { ImageFacts } from '@/lib/build/image-facts';
import { article } from '../helpers';

// Keys compare content: every case builds fresh objects, as each build does from its content.
const a = () => article('a', { at: '2024-05-01T10:00:00+08:00', summary: '摘要', tags: ['招商'] });
const b = () => article('b', { at: '2024-04-01T10:00:00+08:00' });
const c = () => article('c', { at: '2024-03-01T10:00:00+08:00', cover: '/images/c.jpg', coverAlt: '图' });
const d = () => article('d', { at: '2024-02-01T10:00:00+08:00' });
const facts = (digest = 'AAAAAAAAAAAAAAAA'): ImageFacts => ({
  src: '/images/c.jpg',
  width: 1600,
  height: 900,
  format: 'jpeg',
  bytes: 160_000,
  hasAlpha: false,
  digest,
});

function articleProps(change: (props: ArticlePageProps) => void = () => {}): ArticlePageProps {
  const props: ArticlePageProps = {
    article: c(),
    cover: facts(),
    bodyImages: { '/images/in-body.png': { ...facts(), src: '/images/in-body.png', format: 'png' } },
    bodyFile: '/cache/devzone-bodies/x.html',
    neighbours: { newer: b(), older: a() },
    related: [b(), d()],
  };
  change(props);
  return props;
}

function listingProps(items: Article[], change: (props: ListingProps) => void = () => {}): ListingProps {
  const page = paginate(items, 2)[0];
  const covers: Record<string, ImageFacts> = page.items.some((item) => item.cover) ? { '/images/c.jpg': facts() } : {};
  const props: ListingProps = { kind: 'zone', name: '盐城经济技术开发区', region: '盐城', page, covers };
  change(props);
  return props;
}

describe('sharedKey', () => {
  test('equal content, equal key; any field changed (the date too), another key', () => {
    expect(sharedKey(a())).toBe(sharedKey(a()));
    const keys = [a(), { ...a(), title: '新标题' }, { ...a(), date: new Date('2024-05-01T10:01:00+08:00') }, { ...a(), tags: [] }].map(
      sharedKey,
    );
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('articlePageKey', () => {
  test('is the same for the same props', () => {
    expect(articlePageKey(articleProps())).toBe(articlePageKey(articleProps()));
  });

  test('covers the article, its cover and body pictures, its body file, both neighbours and the related news, down to one field', () => {
    const base = articlePageKey(articleProps());
    const changed = [
      articleProps((p) => (p.article = { ...p.article, summary: '新摘要' })),
      articleProps((p) => (p.article = { ...p.article, updated: new Date('2024-05-02T10:00:00+08:00') })),
      articleProps((p) => (p.cover = facts('BBBBBBBBBBBBBBBB'))), // the picture replaced under the same name
      articleProps((p) => (p.cover = { ...facts(), width: 1200, height: 800 })),
      articleProps(
        (p) => (p.bodyImages = { '/images/in-body.png': { ...facts('CCCCCCCCCCCCCCCC'), src: '/images/in-body.png', format: 'png' } }),
      ),
      articleProps((p) => (p.bodyFile = '/cache/devzone-bodies/y.html')),
      articleProps((p) => (p.neighbours.newer = { ...b(), title: '改过的上一条' })),
      articleProps((p) => (p.neighbours.older = undefined)),
      articleProps((p) => (p.neighbours = { newer: a(), older: b() })),
      articleProps((p) => (p.related = [d(), b()])),
      articleProps((p) => (p.related = [b(), { ...d(), coverAlt: '新图' }])),
      articleProps((p) => (p.related = [b()])),
    ].map(articlePageKey);
    expect(changed).not.toContain(base);
    expect(new Set(changed).size).toBe(changed.length);
  });
});

describe('keys and the slugs of the names a page links to', () => {
  /** The key of `props` while the site's slugs give `source` and `region` the slugs named. */
  function withSlugs<T>(slugs: { source?: string; region?: string }, key: () => T): T {
    const before = siteSlugs();
    const source = new Map(slugs.source ? [['盐城经济技术开发区管委会', slugs.source]] : []);
    const region = new Map(slugs.region ? [['盐城', slugs.region]] : []);
    useSiteSlugs({ source, region });
    try {
      return key();
    } finally {
      useSiteSlugs(before);
    }
  }

  test("an article page's key changes when its source's or region's slug does, the article unchanged", () => {
    const keys = [
      withSlugs({}, () => articlePageKey(articleProps())),
      withSlugs({ source: 'yancheng-guanweihui-2' }, () => articlePageKey(articleProps())),
      withSlugs({ region: 'yancheng-2' }, () => articlePageKey(articleProps())),
    ];
    expect(new Set(keys).size).toBe(3);
  });

  test("a zone listing's key changes when its region's slug does (the breadcrumb links to it)", () => {
    const listing = () => listingPageKey(listingProps([a(), b(), c()]));
    expect(withSlugs({ region: 'yancheng-2' }, listing)).not.toBe(withSlugs({}, listing));
  });
});

describe('listingPageKey', () => {
  test('covers the listing, the page, every member and its cover picture, down to one field', () => {
    const base = listingPageKey(listingProps([a(), b(), c()]));
    expect(listingPageKey(listingProps([a(), b(), c()]))).toBe(base);
    const changed = [
      listingProps([a(), b(), c()], (p) => (p.region = '苏州')),
      listingProps([a(), b(), c()], (p) => (p.name = '盐城高新技术产业开发区')),
      listingProps([a(), b()]), // one fewer in the listing: the count changes
      listingProps([a(), { ...b(), zone: '苏州工业园区' }, c()]),
      listingProps([b(), a(), c()]),
      listingProps([a(), b(), c()], (p) => (p.page = paginate([a(), b(), c()], 2)[1])),
      listingProps([c(), a(), b()]),
      listingProps([c(), a(), b()], (p) => (p.covers = { '/images/c.jpg': facts('BBBBBBBBBBBBBBBB') })),
    ].map(listingPageKey);
    expect(changed).not.toContain(base);
    expect(new Set(changed).size).toBe(changed.length);
  });
});
