import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';

/**
 * `npm run check` as editors and CI run it: the real script in a child process, over a folder
 * of several broken files. Every problem must come out in one run, with exit code 1.
 */

const ROOT = join(import.meta.dirname, '..', '..', '..');
const SCRIPT = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts.check as string;

const valid = (fields: Record<string, string>) =>
  [
    '---',
    ...Object.entries({ title: '新闻', date: '2023-04-07', source: '管委会', zone: '盐城经开区', region: '盐城', ...fields }).map(
      ([key, value]) => `${key}: ${value}`,
    ),
    '---',
    '正文。',
  ].join('\n');

const FILES: Record<string, string | Buffer> = {
  'ok.md': valid({}),
  'bad-date.md': valid({ date: '2023-02-30' }),
  'no-title.md': valid({ title: '""' }),
  'broken-yaml.md': '---\ntitle: 坏的\ntags: [未闭合\n---\n',
  'gbk.md': Buffer.concat([Buffer.from('---\ntitle: '), Buffer.from([0xd1, 0xce, 0xb3, 0xc7]), Buffer.from('\n---\n')]),
  'unknown-zone.md': valid({ zone: '盐城开发区' }),
  'wrong-region.md': valid({ region: '苏州' }),
  'photo.md': valid({ type: '图片新闻' }),
  'missing-cover.md': valid({ cover: '/images/nope.jpg', coverAlt: '图' }),
  '2023/one.md': valid({ slug: 'same' }),
  '2024/two.md': valid({ slug: 'same' }),
};

const EXPECTED = [
  /^content\/news\/bad-date\.md:3: date: 日期不存在/,
  /^content\/news\/no-title\.md:2: title: 不能为空/,
  /^content\/news\/broken-yaml\.md:\d: YAML 语法错误/,
  /^content\/news\/gbk\.md:2: 文件不是 UTF-8 编码.*GBK/,
  /^content\/news\/unknown-zone\.md:5: zone: .*did you mean "盐城经济技术开发区"\?$/,
  /^content\/news\/wrong-region\.md:6: region: 开发区“盐城经济技术开发区”属于“盐城”，不属于“苏州”/,
  /^content\/news\/photo\.md:1: cover: 图片新闻必须有封面图/,
  /^content\/news\/missing-cover\.md:7: cover: 找不到封面图文件 public\/images\/nope\.jpg/,
  /^content\/news\/2024\/two\.md: slug: 网址 \/news\/same\/ 与 content\/news\/2023\/one\.md 重复/,
];

let root: string;

/** The command of package.json's "check" script, its files as seen from the project the editor is in. */
function checkArgv(): string[] {
  const [node, ...rest] = SCRIPT.split(' ');
  expect(node).toBe('node');
  return rest.map((arg) => (arg.startsWith('./') || arg.startsWith('scripts/') ? join(ROOT, arg) : arg));
}

function runCheck(...args: string[]) {
  return spawnSync(process.execPath, [...checkArgv(), ...args], { cwd: root, encoding: 'utf8' });
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'devzone-check-script-'));
  mkdirSync(join(root, 'content/news'), { recursive: true });
  writeFileSync(
    join(root, 'content/registry.yaml'),
    'regions:\n  - name: 盐城\n  - name: 苏州\nzones:\n  - name: 盐城经济技术开发区\n    region: 盐城\n    short: [盐城经开区]\n',
  );
  for (const [name, content] of Object.entries(FILES)) {
    mkdirSync(dirname(join(root, 'content/news', name)), { recursive: true });
    writeFileSync(join(root, 'content/news', name), content);
  }
});

describe('npm run check', () => {
  test('reports every problem at once, then a count, and exits 1', () => {
    const result = runCheck('content/news');
    expect(result.status).toBe(1);
    const lines = result.stdout.trim().split('\n');
    for (const pattern of EXPECTED)
      expect(
        lines.some((line) => pattern.test(line)),
        String(pattern),
      ).toBe(true);
    expect(lines).toHaveLength(EXPECTED.length + 1);
    expect(lines.at(-1)).toBe('9 个问题，涉及 9 个文件 / 9 problem(s) in 9 file(s)');
    // A check with problems records no slugs: the lock is for what a build will publish.
    expect(result.stderr).toBe('');
    expect(existsSync(join(root, 'content/slugs.lock'))).toBe(false);
  });

  test('--json prints the same problems as JSON', () => {
    const result = runCheck('--json', 'content/news');
    expect(result.status).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(report).toMatchObject({ count: 9, files: 9, articles: 3 });
    expect(report.problems).toContainEqual({
      file: 'content/news/bad-date.md',
      line: 3,
      field: 'date',
      message: '日期不存在：2023-02-30 / no such date or time: 2023-02-30',
    });
  });

  test('a clean folder passes with exit code 0', () => {
    const clean = join(root, 'clean/news');
    mkdirSync(clean, { recursive: true });
    writeFileSync(join(root, 'clean/registry.yaml'), readFileSync(join(root, 'content/registry.yaml')));
    writeFileSync(join(clean, 'a.md'), valid({}));
    const result = runCheck('clean/news');
    expect(result.stdout).toContain('no problems in 1 article(s)');
    expect(result.status).toBe(0);
  });

  test('homophones pass; their slugs are recorded once, and a later homophone never moves them', () => {
    const news = join(root, 'homophones/news');
    mkdirSync(news, { recursive: true });
    writeFileSync(join(root, 'homophones/registry.yaml'), readFileSync(join(root, 'content/registry.yaml')));
    writeFileSync(join(news, 'a.md'), valid({ source: '泰州日报', date: '2023-05-01' }));
    const first = runCheck('homophones/news');
    expect(first.status).toBe(0);
    expect(first.stderr).toContain('recorded the slugs of 3 name(s) in homophones/slugs.lock');
    const lock = () => readFileSync(join(root, 'homophones/slugs.lock'), 'utf8');
    expect(lock()).toContain('\n  泰州日报: taizhouribao\n');
    // An older article of 台州日报 would come first by date; the lock keeps 泰州日报's URL.
    writeFileSync(join(news, 'b.md'), valid({ source: '台州日报', date: '2019-01-01' }));
    const second = runCheck('homophones/news');
    expect(second.status).toBe(0);
    expect(second.stderr).toContain('recorded the slugs of 1 name(s)');
    expect(lock()).toContain('\n  台州日报: taizhouribao-2\n  泰州日报: taizhouribao\n');
    const third = runCheck('homophones/news');
    expect(third.stderr).toBe('');
  });

  test('--cache: an unchanged folder gets the last report again; an edited file is checked anew', () => {
    const news = join(root, 'cached/news');
    mkdirSync(news, { recursive: true });
    writeFileSync(join(root, 'cached/registry.yaml'), readFileSync(join(root, 'content/registry.yaml')));
    writeFileSync(join(news, 'a.md'), valid({}));
    const env = { DEVZONE_CACHE_DIR: join(root, 'cached/cache') };
    const run = () =>
      spawnSync(process.execPath, [...checkArgv(), '--cache', 'cached/news'], {
        cwd: root,
        encoding: 'utf8',
        env: { ...process.env, ...env },
      });
    const first = run();
    expect(first.stdout).toContain('no problems in 1 article(s)');
    expect(existsSync(join(root, 'cached/cache/devzone-check-run.json'))).toBe(true);
    const again = run();
    expect(again.stdout).toBe(first.stdout);
    expect(again.status).toBe(0);
    writeFileSync(join(news, 'a.md'), valid({ date: '2023-02-30' }));
    const edited = run();
    expect(edited.stdout).toMatch(/cached\/news\/a\.md:3: date: 日期不存在/);
    expect(edited.status).toBe(1);
    // The failing report is kept too, and replayed while the file stays broken.
    expect(run().stdout).toBe(edited.stdout);
  });

  test('a folder that does not exist is a usage error, not an empty pass', () => {
    const result = runCheck('no/such/folder');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('the content folder does not exist');
  });
});
