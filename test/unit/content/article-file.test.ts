import { describe, expect, test } from 'vitest';
import { parseArticleFile } from '@/lib/content/article-file';
import { formatProblem } from '@/lib/content/problems';

const FILE = 'content/news/a.md';
const good = [
  '---',
  'title: 盐城经开区新闻',
  'date: 2023-04-07 09:30',
  'source: 盐城经济技术开发区管委会',
  'zone: 盐城经济技术开发区',
  'region: 盐城',
  '---',
  '正文',
];

function parse(lines: string[]) {
  return parseArticleFile(FILE, new TextEncoder().encode(lines.join('\n')));
}

function problems(lines: string[]): string[] {
  const result = parse(lines);
  if (result.ok) throw new Error('expected problems');
  return result.problems.map(formatProblem);
}

describe('parseArticleFile', () => {
  test('a valid article gets defaults and a Beijing-time date', () => {
    const result = parse(good);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.data).toMatchObject({ title: '盐城经开区新闻', type: '文字新闻', draft: false, tags: [] });
    expect(result.data.date.toISOString()).toBe('2023-04-07T01:30:00.000Z');
    expect(result.body).toBe('正文');
  });

  test('YAML timestamps are not read as UTC', () => {
    const result = parse(good.map((line) => (line.startsWith('date:') ? 'date: 2023-04-07 09:30:00' : line)));
    expect(result.ok && result.data.date.toISOString()).toBe('2023-04-07T01:30:00.000Z');
  });

  test('a missing field names the file, the opening line and the field', () => {
    expect(problems(good.filter((line) => !line.startsWith('zone:')))).toEqual([
      `${FILE}:1: zone: 缺少必填字段 / required field is missing`,
    ]);
  });

  test('an impossible date points at its line', () => {
    expect(problems(good.map((line) => (line.startsWith('date:') ? 'date: 2023-02-30' : line)))).toEqual([
      `${FILE}:3: date: 日期不存在：2023-02-30 / no such date or time: 2023-02-30`,
    ]);
  });

  test('every problem of a file is reported at once', () => {
    const lines = ['---', 'title: ""', 'date: 2023/04/07', 'source: x', 'region: 盐城', 'type: 视频新闻', '---', ''];
    const found = problems(lines);
    expect(found).toHaveLength(4);
    expect(found.join('\n')).toMatch(/:2: title: 不能为空/);
    expect(found.join('\n')).toMatch(/:3: date: 日期格式无法识别/);
    expect(found.join('\n')).toMatch(/:1: zone: 缺少必填字段/);
    expect(found.join('\n')).toMatch(/:6: type: 只能是 文字新闻 或 图片新闻/);
  });

  test('a 图片新闻 needs a cover and its description', () => {
    expect(problems([...good.slice(0, 6), 'type: 图片新闻', '---'])).toEqual([
      `${FILE}:1: cover: 图片新闻必须有封面图 / a 图片新闻 needs a cover`,
    ]);
    expect(problems([...good.slice(0, 6), 'type: 图片新闻', 'cover: /images/a.jpg', '---'])[0]).toMatch(
      /coverAlt: 有封面图时必须写封面说明/,
    );
  });

  test("the missing cover is reported together with another field's error, not after it is fixed", () => {
    const lines = [
      '---',
      'title: 图',
      'date: 2023-02-30',
      'source: x',
      'zone: 盐城经济技术开发区',
      'region: 盐城',
      'type: 图片新闻',
      '---',
    ];
    const found = problems(lines).join('\n');
    expect(found).toMatch(/:3: date: 日期不存在/);
    expect(found).toMatch(/:1: cover: 图片新闻必须有封面图/);
  });

  test('a YAML syntax error gives its line', () => {
    expect(problems(['---', 'title: a', 'tags: [a, b', 'date: 2023-04-07', '---'])[0]).toMatch(
      /^content\/news\/a\.md:[345]: YAML 语法错误/,
    );
    expect(problems(['---', 'title: a: b', 'date: 2023-04-07', '---'])[0]).toMatch(/^content\/news\/a\.md:2: YAML 语法错误/);
  });

  test('a field written twice is an error', () => {
    expect(problems([...good.slice(0, 6), 'title: 又一个', '---'])).toEqual([`${FILE}:7: title: 字段重复 / a field appears twice`]);
  });

  test('a file that is not UTF-8 says so, with the line', () => {
    const gbk = new Uint8Array([...new TextEncoder().encode('---\ntitle: a\n'), 0xd1, 0xce, 0xb3, 0xc7, 0x0a]);
    const result = parseArticleFile(FILE, gbk);
    expect(!result.ok && result.problems.map(formatProblem)).toEqual([
      `${FILE}:3: 文件不是 UTF-8 编码（旧稿常为 GBK，请转存为 UTF-8）/ the file is not UTF-8 (legacy archives are often GBK: re-save it as UTF-8)`,
    ]);
  });

  test('a UTF-8 BOM and CRLF line endings are fine', () => {
    const result = parseArticleFile(FILE, new TextEncoder().encode(`\uFEFF${good.join('\r\n')}`));
    expect(result.ok).toBe(true);
  });

  test('slugs must be URL-safe', () => {
    expect(problems([...good.slice(0, 6), 'slug: ../../etc', '---'])[0]).toMatch(/:7: slug: 只能包含小写字母/);
  });
});
