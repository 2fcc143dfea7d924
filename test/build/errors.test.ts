import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { buildSite, ROOT, tempDir, type BuildResult } from './helpers';

/**
 * A content folder full of mistakes: the build must fail once, listing every problem with its
 * file, line and field, and print no stack trace; `npm run check` must say exactly the same.
 */

// 盐城 and 延城 are both "yancheng", which is no problem (each gets its own URL), but the
// registry pins both to it: that only an editor can settle.
const REGISTRY = `regions:
  - name: 盐城
    slug: yancheng
  - name: 延城
    slug: yancheng
zones:
  - name: 盐城经济技术开发区
    region: 盐城
    short: [盐城经开区]
  - name: 延城开发区
    region: 延城
`;

const valid = (fields: Record<string, string>) =>
  [
    '---',
    ...Object.entries({
      title: '正常的新闻',
      date: '2023-04-07',
      source: '盐城经济技术开发区管委会',
      zone: '盐城经济技术开发区',
      region: '盐城',
      ...fields,
    }).map(([key, value]) => `${key}: ${value}`),
    '---',
    '正文。',
  ].join('\n');

let build: BuildResult;
let content: string;

beforeAll(() => {
  const work = tempDir('errors');
  content = join(work, 'content');
  mkdirSync(join(content, 'a'), { recursive: true });
  writeFileSync(join(work, 'registry.yaml'), REGISTRY);
  writeFileSync(join(content, 'a/good.md'), valid({}));
  writeFileSync(join(content, 'a/bad-date.md'), valid({ date: '2023-02-30' }));
  writeFileSync(join(content, 'a/no-zone.md'), valid({ zone: '""' }));
  writeFileSync(join(content, 'a/broken-yaml.md'), '---\ntitle: 坏的\ntags: [未闭合\n---\n正文');
  writeFileSync(
    join(content, 'a/gbk.md'),
    Buffer.concat([Buffer.from(valid({}).slice(0, 4)), Buffer.from([0xd1, 0xce, 0xb3, 0xc7]), Buffer.from('\n')]),
  );
  writeFileSync(join(content, 'a/one.md'), valid({ slug: 'same-slug' }));
  writeFileSync(join(content, 'a/two.md'), valid({ slug: 'same-slug', title: '另一条' }));
  writeFileSync(join(content, 'a/homophone.md'), valid({ region: '延城', zone: '延城开发区' }));
  writeFileSync(join(content, 'a/unknown-zone.md'), valid({ zone: '盐城开发区' }));
  writeFileSync(join(content, 'a/good.markdown'), valid({ title: '同名文件' }));
  // Line 8, the body's first: a link to a page the site will not have.
  writeFileSync(join(content, 'a/broken-link.md'), valid({}).replace('正文。', '见[上一篇](/news/no-such/)。'));
  mkdirSync(join(content, 'folder.md'));
  writeFileSync(join(content, 'folder.md/inside.md'), valid({ slug: 'inside-folder', title: '目录名以 .md 结尾' }));
  build = buildSite(content, { work });
});

describe('a build with invalid content', () => {
  test('a content folder that does not exist stops the build rather than publishing nothing', () => {
    const missing = buildSite(join(tempDir('missing'), 'no-such-folder'));
    expect(missing.status).not.toBe(0);
    expect(missing.output).toContain('The content folder does not exist');
    expect(missing.output).not.toContain('Stack trace');
  });

  test('a folder named like an article is a folder, not a broken article', () => {
    expect(build.output).not.toContain('folder.md');
  });

  test('fails without writing a site', () => {
    expect(build.status).not.toBe(0);
    expect(existsSync(join(build.dist, 'index.html'))).toBe(false);
  });

  test('lists every problem at once with file, line and field', () => {
    const lines = build.output.split('\n');
    const expected = [
      /a\/bad-date\.md:3: date: 日期不存在：2023-02-30 \/ no such date or time/,
      /a\/no-zone\.md:5: zone: 不能为空 \/ must not be empty/,
      /a\/broken-yaml\.md:\d+: YAML 语法错误 \/ YAML syntax error/,
      /a\/gbk\.md:2: 文件不是 UTF-8 编码.*\/ the file is not UTF-8/,
      /a\/two\.md: slug: 网址 \/news\/same-slug\/ 与 .*a\/one\.md 重复/,
      /a\/good\.md: 与 .*a\/good\.markdown 同名|a\/good\.markdown: 与 .*a\/good\.md 同名/,
      /registry\.yaml:5: slug: “延城”与第 2 行的“盐城”写了同一个 slug（yancheng），请改掉其中一个 \/ "延城" and "盐城" \(line 2\) are both given the slug "yancheng"/,
      /a\/unknown-zone\.md:5: zone: 开发区“盐城开发区”不在名录 .*registry\.yaml 中，是否应为“盐城经济技术开发区”？/,
      /a\/broken-link\.md:8: body: 正文链接 \/news\/no-such\/ 在网站中不存在 \/ the body links to \/news\/no-such\/, which the site does not have/,
    ];
    for (const pattern of expected)
      expect(
        lines.some((line) => pattern.test(line)),
        String(pattern),
      ).toBe(true);
    expect(build.output).toMatch(/9 个问题，涉及 9 个文件 \/ 9 problem\(s\) in 9 file\(s\)/);
  });

  test('npm run check gives the same report as the build', () => {
    const script = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts.check as string;
    const [, ...args] = script.split(' ');
    const check = spawnSync(process.execPath, [...args, content], { cwd: ROOT, encoding: 'utf8' });
    expect(check.status).toBe(1);
    const report = check.stdout.trim().split('\n');
    expect(report).toHaveLength(10);
    const built = build.output.split('\n').map((line) => line.trim());
    for (const line of report) expect(built, line).toContain(line);
  });

  test('npm run check -- --cache reports the same, cold and warm, and keeps its results in the cache folder', () => {
    const script = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts.check as string;
    const [, ...args] = script.split(' ');
    const cacheDir = tempDir('check-cache');
    const run = (...more: string[]) =>
      spawnSync(process.execPath, [...args, ...more, content], {
        cwd: ROOT,
        encoding: 'utf8',
        env: { ...process.env, DEVZONE_CACHE_DIR: cacheDir },
      });
    const plain = run();
    const cold = run('--cache');
    expect(existsSync(join(cacheDir, 'devzone-check.bin'))).toBe(true);
    const warm = run('--cache');
    for (const cached of [cold, warm]) {
      expect(cached.status).toBe(1);
      expect(cached.stdout).toBe(plain.stdout);
    }
  });

  test('prints no stack trace', () => {
    expect(build.output).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
    expect(build.output).not.toContain('Stack trace');
  });
});
