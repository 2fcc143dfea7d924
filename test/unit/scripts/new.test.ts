import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { articleText, recommendedPath, shortName } from '@/lib/content/article-writer';
import { checkContent } from '@/lib/content/content-check';
import { parseRegistry } from '@/lib/content/registry';
import { articlePath } from '@/lib/site/urls';
import { collectFields, parseFlags, type Ask } from '../../../scripts/new.ts';

/** `npm run new`: the fields it collects, the file it writes, and that the check accepts it. */

const ROOT = join(import.meta.dirname, '..', '..', '..');
const REGISTRY = 'regions:\n  - name: 盐城\nzones:\n  - name: 盐城经济技术开发区\n    region: 盐城\n    short: [盐城经开区]\n';
const registry = parseRegistry('content/registry.yaml', REGISTRY).registry;
// 2023-04-07 09:30 in Beijing.
const NOW = new Date('2023-04-07T01:30:00Z');

function project(): string {
  const root = mkdtempSync(join(tmpdir(), 'devzone-new-'));
  mkdirSync(join(root, 'content/news'), { recursive: true });
  writeFileSync(join(root, 'content/registry.yaml'), REGISTRY);
  return root;
}

/** `npm run new -- args` in `root`, without a terminal (so no prompts), as CI or a script would. */
function runNew(root: string, ...args: string[]) {
  const script = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts.new as string;
  const [, ...argv] = script.split(' ').map((arg) => (arg.startsWith('./') || arg.startsWith('scripts/') ? join(ROOT, arg) : arg));
  return spawnSync(process.execPath, [...argv, ...args], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

describe('collectFields', () => {
  test('a short zone name gives the official one and its region; the date defaults to now in Beijing', async () => {
    const { fields, name } = await collectFields({ title: '盐城经开区一季度12个重大项目集中开工', zone: '盐城经开区' }, registry, NOW);
    expect(fields).toMatchObject({ zone: '盐城经济技术开发区', region: '盐城', date: '2023-04-07 09:30', type: '文字新闻' });
    expect(fields.source).toBe('盐城经济技术开发区管委会');
    expect(name).toBe('yancheng-jingkaiqu-yijidu-12');
  });

  test('without a terminal, a missing title or an unknown zone is an error with a suggestion', async () => {
    await expect(collectFields({ zone: '盐城经开区' }, registry, NOW)).rejects.toThrow(/title/);
    await expect(collectFields({ title: 'x', zone: '盐城开发区' }, registry, NOW)).rejects.toThrow(/did you mean "盐城经济技术开发区"/);
  });

  test('in a terminal it asks for what is missing, and again after a wrong answer', async () => {
    const answers = ['盐城新闻', '盐城开发区', '盐城经开区', undefined, undefined, '图片新闻', '/images/a.jpg', '厂房', 'changfang'];
    const questions: string[] = [];
    const ask: Ask = async (question) => {
      questions.push(question);
      return answers.shift();
    };
    const { fields, name } = await collectFields({}, registry, NOW, ask);
    expect(fields).toMatchObject({
      title: '盐城新闻',
      zone: '盐城经济技术开发区',
      type: '图片新闻',
      cover: '/images/a.jpg',
      coverAlt: '厂房',
    });
    expect(name).toBe('changfang');
    expect(questions.filter((question) => question.includes('zone'))).toHaveLength(2);
  });

  test('flags are parsed, --cover-alt included', () => {
    expect(parseFlags(['--title', 'a', '--cover-alt', 'b', '--draft'])).toEqual({ title: 'a', coverAlt: 'b', draft: true });
    expect(() => parseFlags(['--nope'])).toThrow();
  });
});

describe('article files', () => {
  test('the path the README recommends, dated in Beijing', () => {
    expect(recommendedPath(new Date('2023-12-31T16:30:00Z'), 'xinnian')).toBe('2024/2024-01-01-xinnian.md');
  });

  test('short ASCII names stop after whole words', () => {
    expect(shortName('苏州工业园区发布人才新政', 20)).toBe('suzhou-gongye-yuanqu');
    expect(shortName('t20230407_1234')).toBe('t20230407-1234');
  });

  test('frontmatter is quoted only where YAML needs it', () => {
    const text = articleText(
      { title: '标题: 有冒号', date: '2023-04-07 09:30', source: 's', zone: 'z', region: 'r', type: '文字新闻', tags: ['a', 'b'] },
      '正文',
    );
    expect(text).toBe(
      '---\ntitle: "标题: 有冒号"\ndate: 2023-04-07 09:30\nsource: s\nzone: z\nregion: r\ntype: 文字新闻\ntags: [a, b]\n---\n正文\n',
    );
  });
});

describe('npm run new', () => {
  test('writes the recommended file, which passes the check', () => {
    const root = project();
    const result = runNew(
      root,
      '--title',
      '盐城经开区与三家企业签约',
      '--zone',
      '盐城经开区',
      '--date',
      '2023-04-07 09:30',
      '--tags',
      '招商引资，签约',
    );
    expect(result.stderr).toBe('');
    // The new names (region, zone, source) are recorded in the slug lock, as the build assigns them.
    expect(result.stdout).toBe(
      '已创建 / created content/news/2023/2023-04-07-yancheng-jingkaiqu-yusanjiaqiyeqianyue.md\n' +
        '已在 content/slugs.lock 中记录 3 个名称的网址名，请一并提交 / recorded the slugs of 3 name(s) in content/slugs.lock: commit it with the articles\n',
    );
    expect(result.status).toBe(0);
    expect(readFileSync(join(root, 'content/slugs.lock'), 'utf8')).toContain(
      '\nzones:\n  盐城经济技术开发区: yancheng-jingji-jishu-kaifaqu\n',
    );
    const text = readFileSync(join(root, 'content/news/2023/2023-04-07-yancheng-jingkaiqu-yusanjiaqiyeqianyue.md'), 'utf8');
    expect(text).toContain('zone: 盐城经济技术开发区\nregion: 盐城\n');
    expect(text).toContain('tags: [招商引资, 签约]');
    expect(checkContent({ rootDir: root, contentDir: 'content/news', articlePath }).problems).toEqual([]);
  });

  test('never overwrites a file, nor takes the URL of another article', () => {
    const root = project();
    const args = ['--title', '新闻', '--zone', '盐城经开区', '--date', '2023-04-07', '--name', 'qianyue'];
    expect(runNew(root, ...args).status).toBe(0);
    const path = join(root, 'content/news/2023/2023-04-07-qianyue.md');
    writeFileSync(path, 'edited by hand');
    const again = runNew(root, ...args);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('never overwritten');
    expect(readFileSync(path, 'utf8')).toBe('edited by hand');

    mkdirSync(join(root, 'content/news/elsewhere'));
    writeFileSync(join(root, 'content/news/elsewhere/2024-01-01-xinwen.md'), '');
    const taken = runNew(root, '--title', '新闻', '--zone', '盐城经开区', '--date', '2024-01-01 10:00', '--name', 'xinwen');
    expect(taken.status).toBe(1);
    expect(taken.stderr).toContain('the URL /news/2024-01-01-xinwen/ is taken by elsewhere/2024-01-01-xinwen.md');
  });
});
