import { describe, expect, test } from 'vitest';
import { formatProblem } from '@/lib/content/problems';
import { emptySlugLock, formatSlugLock, parseSlugLock, slugLockFileFor } from '@/lib/content/slug-lock';

const FILE = 'content/slugs.lock';

describe('the slug lock file', () => {
  test('lives beside the registry', () => {
    expect(slugLockFileFor('content/news')).toBe('content/slugs.lock');
  });

  test('is written in a fixed order and read back as written, odd names included', () => {
    const lock = emptySlugLock();
    lock.source.set('泰州日报', { slug: 'taizhou-daily', former: ['taizhou-ribao'], line: 0 });
    lock.source.set('台州日报', { slug: 'taizhou-ribao-2', former: [], line: 0 });
    lock.source.set('1e3', { slug: '1e3-2', former: [], line: 0 });
    lock.source.set('null', { slug: 'null-2', former: [], line: 0 });
    lock.source.set('a: #b', { slug: 'a-b', former: [], line: 0 });
    lock.region.set('台州', { slug: 'taizhou-2', former: [], line: 0 });
    lock.news.set('盐城新闻', { slug: 'yanchengxinwen', former: [], line: 0 });
    const text = formatSlugLock(lock);
    expect(text.split('\n').filter((line) => !line.startsWith('#'))).toEqual([
      'regions:',
      '  台州: taizhou-2',
      'sources:',
      '  "1e3": 1e3-2',
      '  "a: #b": a-b',
      '  "null": null-2',
      '  台州日报: taizhou-ribao-2',
      '  泰州日报: [taizhou-daily, taizhou-ribao]',
      'news:',
      '  盐城新闻: yanchengxinwen',
      '',
    ]);
    const { lock: read, problems } = parseSlugLock(FILE, text);
    expect(problems).toEqual([]);
    for (const kind of ['region', 'zone', 'source', 'news'] as const) {
      expect([...read[kind]].map(([name, { slug, former }]) => [name, slug, former])).toEqual(
        [...lock[kind]].map(([name, { slug, former }]) => [name, slug, former]).sort(([a], [b]) => (a < b ? -1 : 1)),
      );
    }
    expect(formatSlugLock(read)).toBe(text);
  });

  test('an empty or missing lock is an empty lock', () => {
    expect(parseSlugLock(FILE, '').problems).toEqual([]);
    expect(parseSlugLock(FILE, '# nothing yet\n').lock.source.size).toBe(0);
  });

  test('bad lines are named with file, line and field', () => {
    const { problems } = parseSlugLock(FILE, 'sources:\n  泰州日报: Taizhou Ribao\ntags:\n  a: b\n');
    expect(problems.map(formatProblem)).toEqual([
      `${FILE}:2: 泰州日报: 应为“名称: 网址名”或“名称: [网址名, 旧网址名…]”，网址名只含小写字母、数字和连字符 / must be "name: slug" or "name: [slug, former slugs…]", slugs of a-z, 0-9 and single hyphens`,
      `${FILE}:3: tags: 应为 regions、zones、sources 或 news 下的“名称: 网址名”各行 / must be "name: slug" lines under regions, zones, sources or news`,
    ]);
    expect(parseSlugLock(FILE, 'sources:\n  a: [b\n').problems.map(formatProblem)[0]).toMatch(/^content\/slugs\.lock:\d+: YAML 语法错误/);
  });
});
