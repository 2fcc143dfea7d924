import matter from 'gray-matter';
import { describe, expect, test } from 'vitest';
import { parseFrontmatter, type FrontmatterResult } from '@/lib/content/frontmatter';

/**
 * The split of an article into frontmatter and body (gray-matter, with js-yaml's core schema):
 * where gray-matter's reading of `---` differs from what editors need, and the lines that
 * problems point at.
 */

const ARTICLE = ['---', 'title: 盐城经开区新闻', 'date: 2023-04-07 09:30:00', 'tags: [a, b]', '---', '正文', ''].join('\n');

function ok(result: FrontmatterResult) {
  if (!result.ok) throw new Error(`expected frontmatter, got ${result.error.message}`);
  return result.value;
}

function error(result: FrontmatterResult) {
  if (result.ok) throw new Error('expected an error');
  return result.error;
}

describe('parseFrontmatter', () => {
  test('reads text and bytes alike; dates stay text, for src/lib/content/dates.ts to read as Beijing time', () => {
    for (const input of [ARTICLE, Buffer.from(ARTICLE)]) {
      const { data, body, fieldLine } = ok(parseFrontmatter(input));
      expect(data).toEqual({ title: '盐城经开区新闻', date: '2023-04-07 09:30:00', tags: ['a', 'b'] });
      expect(body).toBe('正文\n');
      expect([fieldLine('title'), fieldLine('date'), fieldLine('tags'), fieldLine('zone')]).toEqual([2, 3, 4, undefined]);
    }
  });

  test("the body's first line is the line after the closing ---, or the first line without frontmatter", () => {
    for (const input of [ARTICLE, Buffer.from(ARTICLE), ARTICLE.replaceAll('\n', '\r\n')]) expect(ok(parseFrontmatter(input)).bodyLine).toBe(6);
    expect(ok(parseFrontmatter('正文\n')).bodyLine).toBe(1);
    expect(ok(parseFrontmatter('---\ntitle: 无正文\n---')).bodyLine).toBe(3);
  });

  test('gray-matter keeps no copy of the files it read', () => {
    ok(parseFrontmatter(Buffer.from(ARTICLE)));
    ok(parseFrontmatter(ARTICLE));
    // Untyped, but documented: gray-matter caches by content only when called without options.
    expect(Object.keys((matter as unknown as { cache: object }).cache)).toEqual([]);
  });

  test('a UTF-8 BOM and CRLF line endings keep the lines and leave no \\r in the body', () => {
    const value = ok(parseFrontmatter(Buffer.from(`\uFEFF${ARTICLE.replaceAll('\n', '\r\n')}`)));
    expect(value.data.title).toBe('盐城经开区新闻');
    expect(value.fieldLine('tags')).toBe(4);
    expect(value.body).toBe('正文\n');
  });

  test('no frontmatter, an empty one, and a file that is only frontmatter', () => {
    expect(ok(parseFrontmatter('正文')).data).toEqual({});
    expect(ok(parseFrontmatter('----\n正文')).body).toBe('----\n正文');
    expect(ok(parseFrontmatter('---\n---\n正文'))).toMatchObject({ data: {}, body: '正文' });
    expect(ok(parseFrontmatter('---\n# 只有注释\n---\n正文'))).toMatchObject({ data: {}, body: '正文' });
    expect(ok(parseFrontmatter('---\ntitle: a\n---'))).toMatchObject({ data: { title: 'a' }, body: '' });
  });

  test('an opening --- without a closing line is named, not read to the end of the file as YAML', () => {
    for (const input of ['---\ntitle: 没有结束\n正文', '---', '---\n']) {
      expect(error(parseFrontmatter(input))).toEqual({ line: 1, message: expect.stringMatching(/no closing --- line/) });
    }
  });

  test('only YAML: a language after --- is refused, never evaluated', () => {
    const ran = globalThis as { devzoneRan?: boolean };
    expect(error(parseFrontmatter('---js\n{ title: (globalThis.devzoneRan = true, "x") }\n---\n'))).toMatchObject({
      line: 1,
      message: expect.stringMatching(/must be YAML/),
    });
    expect(ran.devzoneRan).toBeUndefined();
    expect(ok(parseFrontmatter('---yaml\ntitle: a\n---\n')).fieldLine('title')).toBe(2);
  });

  test('YAML errors, duplicate fields and a frontmatter that is not a mapping give their line', () => {
    expect(error(parseFrontmatter('---\ntitle: a\ntags: [a\n---\n'))).toMatchObject({ message: expect.stringMatching(/^YAML 语法错误/) });
    expect(error(parseFrontmatter('---\ntitle: a\nzone: b\ntitle: c\n---\n'))).toEqual({
      line: 4,
      field: 'title',
      message: '字段重复 / a field appears twice',
    });
    expect(error(parseFrontmatter('---\n- a\n- b\n---\n'))).toMatchObject({ line: 2 });
  });
});
