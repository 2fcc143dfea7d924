import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkContent } from '@/lib/content/content-check';
import type { Problem } from '@/lib/content/problems';
import { articlePath } from '@/lib/site/urls';
import { sitePlan } from '@/lib/site/site-plan';
import { SITE } from '@/site.config';
import { ARTICLE_FIELDS } from '../helpers';

/**
 * The check's verdict on small content folders written for each test: one test per kind of
 * problem, each asserting the file, the line and the field an editor is pointed at.
 */

const REGISTRY = `regions:
  - name: 盐城
    short: [盐城市]
  - name: 苏州
zones:
  - name: 盐城经济技术开发区
    region: 盐城
    short: [盐城经开区]
    former: [盐城经济开发区]
  - name: 苏州工业园区
    region: 苏州
    short: [园区]
`;


/** An article: lines 2-6 are title, date, source, zone, region unless overridden or removed. */
function article(fields: Record<string, string | undefined> = {}): string {
  const lines = Object.entries({ ...ARTICLE_FIELDS, ...fields })
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key}: ${value}`);
  return ['---', ...lines, '---', '正文。', ''].join('\n');
}

function check(files: Record<string, string | Uint8Array>, registry: string | null = REGISTRY, now?: Date) {
  const root = mkdtempSync(join(tmpdir(), 'devzone-check-'));
  mkdirSync(join(root, 'content/news'), { recursive: true });
  mkdirSync(join(root, 'public/images'), { recursive: true });
  writeFileSync(join(root, 'public/images/cover.jpg'), 'jpg');
  if (registry !== null) writeFileSync(join(root, 'content/registry.yaml'), registry);
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, 'content/news', name)), { recursive: true });
    writeFileSync(join(root, 'content/news', name), content);
  }
  // With a site plan, as `npm run check` and the content loader run it: body links are checked too.
  const site = now ? sitePlan(join(root, 'public'), now) : undefined;
  return checkContent({ rootDir: root, contentDir: 'content/news', articlePath, site });
}

const place = ({ file, line, field }: Problem) => ({ file, line, field });

describe('the check', () => {
  test('valid articles pass, filed under the official names of their zone and region', () => {
    const result = check({ 'a.md': article({ zone: '盐城经开区', region: '盐城市' }), 'b.md': article({ zone: '园区', region: '苏州' }) });
    expect(result.problems).toEqual([]);
    expect(result.articles.map(({ article }) => [article.zone, article.region])).toEqual([
      ['盐城经济技术开发区', '盐城'],
      ['苏州工业园区', '苏州'],
    ]);
  });

  test('a UTF-8 BOM and CRLF line endings are fine', () => {
    expect(check({ 'a.md': `\uFEFF${article().replaceAll('\n', '\r\n')}` }).problems).toEqual([]);
  });

  test('a missing field points at the opening line', () => {
    const [problem] = check({ 'a.md': article({ source: undefined }) }).problems;
    expect(place(problem)).toEqual({ file: 'content/news/a.md', line: 1, field: 'source' });
    expect(problem.message).toBe('缺少必填字段 / required field is missing');
  });

  test('an empty field points at its line', () => {
    const [problem] = check({ 'a.md': article({ title: '""' }) }).problems;
    expect(place(problem)).toEqual({ file: 'content/news/a.md', line: 2, field: 'title' });
    expect(problem.message).toMatch(/^不能为空 \/ must not be empty/);
  });

  test('an impossible date', () => {
    const [problem] = check({ 'a.md': article({ date: '2023-02-29' }) }).problems;
    expect(place(problem)).toEqual({ file: 'content/news/a.md', line: 3, field: 'date' });
    expect(problem.message).toBe('日期不存在：2023-02-29 / no such date or time: 2023-02-29');
  });

  test('an updated earlier than date points at the updated line', () => {
    const [problem] = check({ 'a.md': article({ updated: '2023-04-06' }) }).problems;
    expect(place(problem)).toEqual({ file: 'content/news/a.md', line: 7, field: 'updated' });
    expect(problem.message).toBe('更新时间 2023-04-06 早于发布时间 2023-04-07 09:30 / updated (2023-04-06) is earlier than date (2023-04-07 09:30)');
  });

  test('a YAML syntax error gives the line', () => {
    const [problem] = check({ 'a.md': article({ tags: '[项目建设, 招商引资' }) }).problems;
    expect(problem.file).toBe('content/news/a.md');
    expect(problem.line).toBeGreaterThanOrEqual(7);
    expect(problem.message).toMatch(/^YAML 语法错误 \/ YAML syntax error/);
  });

  test('a frontmatter without its closing --- line', () => {
    const [problem] = check({ 'a.md': '---\ntitle: 没有结束\n正文' }).problems;
    expect(place(problem)).toEqual({ file: 'content/news/a.md', line: 1, field: undefined });
    expect(problem.message).toMatch(/no closing --- line/);
  });

  test('a GBK file is named as not UTF-8, with the line and the fix', () => {
    const gbk = new Uint8Array([...new TextEncoder().encode('---\ntitle: '), 0xd1, 0xce, 0xb3, 0xc7, 0x0a]);
    const [problem] = check({ 'a.md': gbk }).problems;
    expect(place(problem)).toEqual({ file: 'content/news/a.md', line: 2, field: undefined });
    expect(problem.message).toContain('GBK');
    expect(problem.message).toContain('re-save it as UTF-8');
  });

  test('two articles with the same URL name both files', () => {
    const problems = check({ '2023/a.md': article({ slug: 'same' }), '2024/b.md': article({ slug: 'same' }) }).problems;
    expect(problems.map(place)).toEqual([{ file: 'content/news/2024/b.md', line: undefined, field: 'slug' }]);
    expect(problems[0].message).toContain('content/news/2023/a.md');
  });

  test('a zone not in the registry, with a suggestion', () => {
    const [problem] = check({ 'a.md': article({ zone: '盐城开发区' }) }).problems;
    expect(place(problem)).toEqual({ file: 'content/news/a.md', line: 5, field: 'zone' });
    expect(problem.message).toBe(
      '开发区“盐城开发区”不在名录 content/registry.yaml 中，是否应为“盐城经济技术开发区”？ / the zone "盐城开发区" is not in the registry content/registry.yaml; did you mean "盐城经济技术开发区"?',
    );
  });

  test('a region not in the registry suggests the region of the zone', () => {
    const [problem] = check({ 'a.md': article({ region: '盐都' }) }).problems;
    expect(place(problem)).toEqual({ file: 'content/news/a.md', line: 6, field: 'region' });
    expect(problem.message).toMatch(/did you mean "盐城"\?$/);
  });

  test('a zone filed under a region it does not belong to', () => {
    const [problem] = check({ 'a.md': article({ region: '苏州' }) }).problems;
    expect(place(problem)).toEqual({ file: 'content/news/a.md', line: 6, field: 'region' });
    expect(problem.message).toBe(
      '开发区“盐城经济技术开发区”属于“盐城”，不属于“苏州” / the zone "盐城经济技术开发区" belongs to "盐城", not "苏州"',
    );
  });

  test('a 图片新闻 without its cover', () => {
    const [problem] = check({ 'a.md': article({ type: '图片新闻' }) }).problems;
    expect(place(problem)).toEqual({ file: 'content/news/a.md', line: 1, field: 'cover' });
    expect(problem.message).toBe('图片新闻必须有封面图 / a 图片新闻 needs a cover');
  });

  test('a cover file that does not exist under public/', () => {
    const ok = { type: '图片新闻', coverAlt: '开工仪式' };
    expect(check({ 'a.md': article({ ...ok, cover: '/images/cover.jpg' }) }).problems).toEqual([]);
    const [problem] = check({ 'a.md': article({ ...ok, cover: '/images/missing.jpg' }) }).problems;
    expect(place(problem)).toEqual({ file: 'content/news/a.md', line: 9, field: 'cover' });
    expect(problem.message).toBe(
      '找不到封面图文件 public/images/missing.jpg，请把图片放进 public/ 或改正路径 / no such file: public/images/missing.jpg; add the picture under public/ or fix the path',
    );
    expect(check({ 'a.md': article({ ...ok, cover: '/../../etc/passwd' }) }).problems.map(place)).toEqual([
      { file: 'content/news/a.md', line: 9, field: 'cover' },
    ]);
  });

  test('an old URL claimed by two articles', () => {
    const problems = check({
      'a.md': article({ legacyUrl: 'http://old.example.gov.cn/xw/1.html' }),
      'b.md': article({ legacyUrl: 'http://old.example.gov.cn/xw/1.html' }),
    }).problems;
    expect(problems.map(place)).toEqual([{ file: 'content/news/b.md', line: undefined, field: 'legacyUrl' }]);
  });

  test('a missing registry is one problem, naming where it should be', () => {
    const problems = check({ 'a.md': article() }, null).problems;
    expect(problems.map(place)).toEqual([{ file: 'content/registry.yaml', line: undefined, field: undefined }]);
    expect(problems[0].message).toMatch(/registry of zones and regions is missing/);
  });

  test('problems in the schema and in the registry of one file are reported together', () => {
    const problems = check({ 'a.md': article({ date: '2023-13-01', zone: '不存在开发区' }) }).problems;
    expect(problems.map((problem) => problem.field).sort()).toEqual(['date', 'zone']);
  });
});

describe('the check of body links and images', () => {
  const NOW = new Date('2024-01-01T00:00:00+08:00');
  /** An article whose body (from line 8, after five fields and the two `---` lines) is `lines`. */
  const withBody = (lines: string[], fields: Record<string, string> = {}) => article(fields).replace('正文。\n', `${lines.join('\n')}\n`);
  const files = {
    'a.md': withBody([
      '正文。', // 8
      '![图](images/a.jpg)', // 9: relative, against /news/a/: no such file
      '见[上一篇](/news/no-such/)。', // 10: no such page
      '[好链接](/news/b/)、[相对链接](../b/)、[文件](/images/cover.jpg)、[全部开发区](/zones/)、[盐城](/regions/yancheng/)', // 11
      '[外部](https://example.net/x)、[邮件](mailto:a@example.org)、[本页](#top)', // 12: not checked
      '<a href="/news/c/">草稿</a> 与 [定时][d]', // 13: a draft and a scheduled article
      '```', // 14
      '[代码里](/not/a/link/)', // 15: in a code block, not a link
      '```', // 16
      '[d]: /news/d/', // 17: the reference's URL is on its definition's line
    ]),
    'b.md': article(),
    'c.md': article({ draft: 'true' }),
    'd.md': article({ date: '2024-06-01 09:00' }),
  };

  test('every link and image the site would not resolve, at its file line, in the body field', () => {
    const problems = check(files, REGISTRY, NOW).problems;
    expect(problems.map(place)).toEqual([9, 10, 13, 17].map((line) => ({ file: 'content/news/a.md', line, field: 'body' })));
    expect(problems[1].message).toBe(
      '正文链接 /news/no-such/ 在网站中不存在 / the body links to /news/no-such/, which the site does not have',
    );
    expect(problems[0].message).toMatch(/^正文图片 images\/a\.jpg（即 \/news\/a\/images\/a\.jpg） 在网站中不存在.* \/ the body shows the image images\/a\.jpg \(\/news\/a\/images\/a\.jpg\)/);
    expect(problems[2].message).toMatch(/指向草稿 content\/news\/c\.md.*the draft content\/news\/c\.md/);
    expect(problems[3].message).toMatch(/尚未到发布时间的文章 content\/news\/d\.md.*the scheduled article content\/news\/d\.md/);
  });

  test('a scheduled article may be linked once the build publishes it', () => {
    const lines = check(files, REGISTRY, new Date('2025-01-01T00:00:00+08:00')).problems.map((problem) => problem.line);
    expect(lines).toEqual([9, 10, 13]);
  });

  test('the line counts a multi-line frontmatter and CRLF line endings', () => {
    // Lines 7-9 are `tags:` and its two items, 10 the closing `---`: the body starts on line 11.
    const text = withBody(['[坏链接](/x/)'], { tags: '\n  - 甲\n  - 乙' }).replaceAll('\n', '\r\n');
    expect(check({ 'a.md': text }, REGISTRY, NOW).problems.map(place)).toEqual([{ file: 'content/news/a.md', line: 11, field: 'body' }]);
  });

  test('links found only by the exact parse: literal autolinks to the site, escaped URLs; a failing link in code is still none', () => {
    const problems = check(
      {
        // Each the article's only link that fails: found by the exact parse of the article alone.
        'a.md': withBody([`见 ${SITE.url}/news/no-such/ 与[好链接](/news/b/)`]), // a literal autolink, in a loose run naming the host
        'b.md': article(),
        'c.md': withBody(['```', '[代码里](/not/a/link/)', '```']),
        'e.md': withBody(['正文', '[转义](/news/no\\_such/)']), // an escape: the article is uncertain
        'f.md': withBody(['<a href="/news/no-such/?a=1&amp;b=2">实体</a>']), // an entity, likewise
      },
      REGISTRY,
      NOW,
    ).problems;
    expect(problems.map(place)).toEqual(
      [
        ['a', 8],
        ['e', 9],
        ['f', 8],
      ].map(([name, line]) => ({ file: `content/news/${name}.md`, line, field: 'body' })),
    );
    expect(problems.map((problem) => problem.message.split(' ')[1])).toEqual([`${SITE.url}/news/no-such/（即`, '/news/no_such/', '/news/no-such/?a=1&b=2（即']);
  });

  test('without a site plan (the audit reads the built pages instead) bodies are not judged', () => {
    expect(check(files).problems).toEqual([]);
  });
});
