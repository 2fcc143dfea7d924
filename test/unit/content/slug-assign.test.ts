import { describe, expect, test } from 'vitest';
import type { Article } from '@/lib/content/article';
import { assignmentNotes, assignSlugs, type Assignment } from '@/lib/content/slug-assign';
import { emptySlugLock, formatSlugLock, parseSlugLock } from '@/lib/content/slug-lock';
import type { SlugOverrides } from '@/lib/content/registry-types';
import type { SlugLock } from '@/lib/content/slug-types';
import { article } from '../helpers';

/** Assigns slugs to `articles` (each with its `slug` pin, if any) given the registry's pins and a lock. */
function assign(articles: Array<Article & { pin?: string }>, lock: SlugLock = emptySlugLock(), pins: SlugOverrides = {}): Assignment {
  return assignSlugs({ articles: articles.map(({ pin, ...rest }) => ({ article: rest, pin })), pins, lock });
}

/** The lock a check would write after `assignment`, read back as the next build reads it. */
function written(assignment: Assignment): SlugLock {
  const { lock, problems } = parseSlugLock('content/slugs.lock', formatSlugLock(assignment.lock));
  expect(problems).toEqual([]);
  return lock;
}

const 泰州 = { region: '泰州', zone: '泰州医药高新技术产业开发区', source: '泰州日报' };
const 台州 = { region: '台州', zone: '台州湾经济技术开发区', source: '台州日报' };

describe('homophones get URLs of their own', () => {
  test('泰州 and 台州: the earlier name keeps the plain slug, the later one gets -2', () => {
    const result = assign([article('t1', { ...泰州, at: '2023-01-05T09:00:00+08:00' }), article('t2', { ...台州, at: '2023-03-01T09:00:00+08:00' })]);
    expect(result.table.region?.get('泰州')).toBe('taizhou');
    expect(result.table.region?.get('台州')).toBe('taizhou-2');
    expect(result.table.source?.get('泰州日报')).toBe('taizhouribao');
    expect(result.table.source?.get('台州日报')).toBe('taizhouribao-2');
  });

  test('泰州市商务局 and 台州市商务局, same day: ordered by name, deterministic whatever the file order', () => {
    const a = article('a', { source: '泰州市商务局' });
    const b = article('b', { source: '台州市商务局' });
    const one = assign([a, b]).table.source;
    const other = assign([b, a]).table.source;
    expect(one).toEqual(other);
    // 台 (U+53F0) sorts before 泰 (U+6CF0).
    expect(one?.get('台州市商务局')).toBe('taizhoushi-shangwuju');
    expect(one?.get('泰州市商务局')).toBe('taizhoushi-shangwuju-2');
  });

  test('苏州 and 宿州, as regions and as sources', () => {
    const result = assign([
      article('a', { region: '苏州', source: '苏州', at: '2022-01-01T00:00:00+08:00' }),
      article('b', { region: '宿州', source: '宿州', at: '2022-06-01T00:00:00+08:00' }),
    ]);
    expect([result.table.region?.get('苏州'), result.table.region?.get('宿州')]).toEqual(['suzhou', 'suzhou-2']);
    expect([result.table.source?.get('苏州'), result.table.source?.get('宿州')]).toEqual(['suzhou', 'suzhou-2']);
  });

  test('names with empty pinyin get stable, readable slugs; those that are their own slug need no lock line', () => {
    const result = assign([article('a', { source: 'CCTV' }), article('b', { source: '12345' }), article('c', { source: '🎉' }), article('d', { source: 'cctv' })]);
    expect(result.table.source?.get('cctv')).toBe('cctv');
    expect(result.table.source?.get('CCTV')).toBe('cctv-2');
    expect(result.table.source?.get('12345')).toBe('12345');
    expect(result.table.source?.get('🎉')).toBe('u1f389');
    expect(result.added.filter(({ kind }) => kind === 'source').map(({ name, entry }) => [name, entry.slug])).toEqual([
      ['CCTV', 'cctv-2'],
      ['🎉', 'u1f389'],
    ]);
  });

  test('article file names: Chinese homophones, digits alone and "page" get usable slugs of their own', () => {
    const result = assign([
      article('2023/盐城新闻', { at: '2023-01-01T00:00:00+08:00' }),
      article('2023/延城新闻', { at: '2023-02-01T00:00:00+08:00' }),
      article('2023/2023'),
      article('2023/page'),
    ]);
    expect(Object.fromEntries(result.articleSlugs)).toEqual({
      '2023/盐城新闻': 'yanchengxinwen',
      '2023/延城新闻': 'yanchengxinwen-2',
      '2023/2023': '2023-2',
      '2023/page': 'page-2',
    });
  });
});

describe('a URL once given stays with its name', () => {
  test('adding 台州日报 later, even with an older article, does not move 泰州日报', () => {
    const first = assign([article('t1', { ...泰州, at: '2023-05-01T09:00:00+08:00' })]);
    expect(first.table.source?.get('泰州日报')).toBe('taizhouribao');
    const lock = written(first);
    // Without the lock the older article would win the plain slug; with it, nothing published moves.
    const later = assign([article('t1', { ...泰州, at: '2023-05-01T09:00:00+08:00' }), article('t0', { ...台州, at: '2019-01-01T09:00:00+08:00' })], lock);
    expect(later.table.source?.get('泰州日报')).toBe('taizhouribao');
    expect(later.table.source?.get('台州日报')).toBe('taizhouribao-2');
    expect(later.table.region?.get('泰州')).toBe('taizhou');
    expect(later.table.region?.get('台州')).toBe('taizhou-2');
    expect(later.moves).toEqual([]);
    expect(later.displaced).toEqual([]);
  });

  test('recording the lock changes no slug: the build without it and with it agree', () => {
    const articles = [article('a', { ...台州, at: '2023-01-01T00:00:00+08:00' }), article('b', { ...泰州, at: '2024-01-01T00:00:00+08:00' })];
    const before = assign(articles);
    const after = assign(articles, written(before));
    expect(after.table).toEqual(before.table);
    expect(after.articleSlugs).toEqual(before.articleSlugs);
    expect(after.added).toEqual([]);
  });

  test('a name whose articles are all gone keeps its slug reserved', () => {
    const lock = written(assign([article('t1', { ...泰州 })]));
    const result = assign([article('t2', { ...台州 })], lock);
    expect(result.table.source?.get('台州日报')).toBe('taizhouribao-2');
  });
});

describe('pins', () => {
  test('a pinned slug wins over the spelled one', () => {
    const pins = { region: new Map([['台州', 'taizhou-zj']]) };
    const result = assign([article('a', { ...泰州, at: '2024-01-01T00:00:00+08:00' }), article('b', { ...台州, at: '2020-01-01T00:00:00+08:00' })], emptySlugLock(), pins);
    expect(result.table.region?.get('台州')).toBe('taizhou-zj');
    expect(result.table.region?.get('泰州')).toBe('taizhou');
  });

  test('pinning a published name elsewhere moves it: the old slug becomes a former one and redirects', () => {
    const articles = [article('t1', { ...泰州 })];
    const lock = written(assign(articles));
    const pinned = assign(articles, lock, { source: new Map([['泰州日报', 'taizhou-daily']]) });
    expect(pinned.table.source?.get('泰州日报')).toBe('taizhou-daily');
    expect(pinned.moves).toEqual([{ kind: 'source', name: '泰州日报', from: 'taizhouribao', to: 'taizhou-daily' }]);
    expect(assignmentNotes(pinned)).toEqual([
      '网址变更 / URL moved: 来源 source“泰州日报”：taizhouribao -> taizhou-daily，旧网址跳转到新网址 / the old URL redirects to the new one',
    ]);
    // Once recorded, the redirect stays, the note does not repeat, and no other name gets the old slug.
    const recorded = written(pinned);
    expect(formatSlugLock(recorded)).toContain('泰州日报: [taizhou-daily, taizhouribao]');
    const next = assign([...articles, article('t2', { ...台州 })], recorded, { source: new Map([['泰州日报', 'taizhou-daily']]) });
    expect(next.moves).toEqual(pinned.moves);
    expect(assignmentNotes(next)).toEqual([]);
    expect(next.table.source?.get('台州日报')).toBe('taizhouribao-2');
  });

  test('a pin on a slug the lock gave another name takes it; that name moves and the notes say it cannot redirect', () => {
    const articles = [article('t1', { ...泰州, at: '2020-01-01T00:00:00+08:00' }), article('t2', { ...台州, at: '2021-01-01T00:00:00+08:00' })];
    const lock = written(assign(articles));
    const result = assign(articles, lock, { region: new Map([['台州', 'taizhou']]) });
    expect(result.table.region?.get('台州')).toBe('taizhou');
    expect(result.table.region?.get('泰州')).toBe('taizhou-3');
    expect(result.displaced).toEqual([{ kind: 'region', name: '泰州', from: 'taizhou', to: 'taizhou-3', by: '台州' }]);
    expect(assignmentNotes(result).join('\n')).toContain('无法跳转 / "泰州" loses taizhou to "台州"');
  });

  test("an article's own slug is a pin: a file name that spells it gets another", () => {
    const result = assign([article('2023/kaigong'), { ...article('2023/other'), pin: 'kaigong' }]);
    expect(result.articleSlugs.get('2023/other')).toBe('kaigong');
    expect(result.articleSlugs.get('2023/kaigong')).toBe('kaigong-2');
  });
});

describe('the lock after two branches merged', () => {
  test('two names the lock gives one slug: the earlier keeps it, the other moves', () => {
    const lock = emptySlugLock();
    lock.source.set('泰州日报', { slug: 'taizhouribao', former: [], line: 7 });
    lock.source.set('台州日报', { slug: 'taizhouribao', former: [], line: 6 });
    const result = assign([article('a', { ...泰州, at: '2020-01-01T00:00:00+08:00' }), article('b', { ...台州, at: '2021-01-01T00:00:00+08:00' })], lock);
    expect(result.table.source?.get('泰州日报')).toBe('taizhouribao');
    expect(result.table.source?.get('台州日报')).toBe('taizhouribao-2');
    expect(result.displaced).toHaveLength(1);
    expect(assignmentNotes(result)).toEqual([
      '网址让出 / URL given up: 来源 source“台州日报”的网址名 taizhouribao 现在属于“泰州日报”，“台州日报”改用 taizhouribao-2；旧网址现在是“泰州日报”的页面，无法跳转 / "台州日报" loses taizhouribao to "泰州日报" and moves to taizhouribao-2; the old URL is now the page of "泰州日报" and cannot redirect',
    ]);
  });
});

describe('notes for the build', () => {
  test('names the lock does not record are listed with the lines to add', () => {
    const notes = assignmentNotes(assign([article('a', { ...泰州 })]), 'content/slugs.lock');
    expect(notes[0]).toMatch(/^content\/slugs\.lock 还没有记录 3 个名称的网址名.*run npm run check and commit the file:$/);
    expect(notes).toContain('  来源 source 泰州日报: taizhouribao');
  });

  test('a first build of a large archive lists twenty names, then how many more', () => {
    const many = Array.from({ length: 30 }, (_, n) => article(`a${n}`, { source: `来源${n}号` }));
    const notes = assignmentNotes(assign(many), 'content/slugs.lock');
    expect(notes).toHaveLength(22);
    expect(notes.at(-1)).toBe('  …… 另有 12 个 / and 12 more');
  });
});
