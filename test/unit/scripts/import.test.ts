import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkContent } from '@/lib/content/content-check';
import { articlePath } from '@/lib/site/urls';
import { decodePage } from '../../../scripts/editor/decode-page.ts';
import { candidates, imageName, sniffImage } from '../../../scripts/editor/legacy-images.ts';
import { normaliseDate, readLegacyPage } from '../../../scripts/editor/legacy-page.ts';

/** `npm run import` on pages shaped like the old portal's (test/fixtures/import). */

const ROOT = join(import.meta.dirname, '..', '..', '..');
const FIXTURES = join(ROOT, 'test/fixtures/import');
const fixture = (name: string) => readFileSync(join(FIXTURES, name));

function read(name: string, fallbackUrl?: string) {
  const result = readLegacyPage(fixture(name), fallbackUrl);
  if (!result.ok) throw new Error(result.reasons.join('\n'));
  return result.page;
}

describe('reading a legacy page', () => {
  test('a plain article: facts from the breadcrumb and meta line, the body without chrome', () => {
    const page = read('kfqxw/yc/t20230407_1234.html');
    expect(page).toMatchObject({
      title: '盐城经开区一季度12个重大项目集中开工',
      date: '2023-04-07',
      source: '盐城经济技术开发区管委会',
      zone: '盐城经济技术开发区',
      region: '盐城',
      type: '文字新闻',
      legacyUrl: 'http://www.kfq.example.gov.cn/kfqxw/yc/202304/t20230407_1234.html',
      encoding: 'utf-8',
    });
    expect(page.body.split('\n\n')).toEqual([
      '4月7日上午，盐城经济技术开发区举行一季度重大项目集中开工仪式，12个项目总投资86亿元，涵盖新能源、汽车零部件和电子信息等产业。',
      '据介绍，本次开工项目平均单体投资超过7亿元，其中**超10亿元项目3个**。',
      '下一步，开发区将持续优化营商环境，全力推动项目早投产、早见效。',
    ]);
    for (const chrome of ['上一条', '下一条', '版权所有', '打印本页', '当前位置', '发布时间', '\u3000'])
      expect(page.body).not.toContain(chrome);
  });

  test('a 图片新闻 with images and a table: the first image is the cover, links point at the old site', () => {
    const page = read('kfqxw/yc/t20230510_2001.html', 'http://www.kfq.example.gov.cn/kfqxw/yc/t20230510_2001.html');
    expect(page).toMatchObject({
      date: '2023-05-10 15:20',
      zone: '盐城高新区',
      type: '图片新闻',
      cover: 'http://www.kfq.example.gov.cn/uploads/2023/05/changfang.jpg',
      coverAlt: '新建成的标准化厂房',
      legacyUrl: 'http://www.kfq.example.gov.cn/kfqxw/yc/t20230510_2001.html',
    });
    expect(page.body).toContain('![新建成的标准化厂房](http://www.kfq.example.gov.cn/uploads/2023/05/changfang.jpg)');
    expect(page.body).toContain('| 项目 | 面积（万平方米） |\n| - | - |\n| 一期厂房 | 12 |\n| 二期厂房 | 8 |');
  });

  test('a 图片新闻 whose cover is relative, with no address for the page, asks for --base-url', () => {
    const result = readLegacyPage(fixture('kfqxw/yc/t20230510_2001.html'));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reasons.join('\n')).toMatch(
      /封面图 \.\.\/\.\.\/\.\.\/uploads\/2023\/05\/changfang\.jpg 是相对地址.*--base-url/,
    );
  });

  test('a GBK page declared as gb2312 is decoded; the title comes from <title> when there is no <h1>', () => {
    const page = read('kfqxw/sz-gbk.html');
    expect(page).toMatchObject({ title: '苏州工业园区发布人才新政', zone: '园区', region: '苏州', encoding: 'gbk' });
    expect(page.body).toContain('5月20日，苏州工业园区发布新一轮人才政策');
  });

  test('a GBK page that declares no charset is read as GBK', () => {
    const bytes = Buffer.from(fixture('kfqxw/sz-gbk.html').toString('latin1').replace('; charset=gb2312', ''), 'latin1');
    const decoded = decodePage(bytes);
    expect(decoded.ok && decoded.encoding).toBe('gb18030');
  });

  test('a page that is not a news page, or whose bytes contradict its charset, says why', () => {
    expect(readLegacyPage(fixture('broken.html'))).toEqual({
      ok: false,
      reasons: ['找不到“发布时间”一行，不是旧网站的新闻页面 / no 发布时间 line: not a news page of the old portal'],
    });
    const lying = Buffer.from(fixture('kfqxw/sz-gbk.html').toString('latin1').replace('charset=gb2312', 'charset=utf-8'), 'latin1');
    expect(readLegacyPage(lying)).toEqual({
      ok: false,
      reasons: ['页面声明为 utf-8，但内容不是该编码 / the page declares utf-8 but its bytes are not utf-8'],
    });
  });

  test('dates as the portal wrote them', () => {
    expect(normaliseDate('2023年4月7日')).toBe('2023-04-07');
    expect(normaliseDate('2023/4/7 9:05')).toBe('2023-04-07 09:05');
    expect(normaliseDate('昨天')).toBeUndefined();
  });
});

describe('npm run import', () => {
  function project(registry = readFileSync(join(ROOT, 'test/fixtures/site/registry.yaml'), 'utf8'), fixtures = FIXTURES): string {
    const root = mkdtempSync(join(tmpdir(), 'devzone-import-'));
    mkdirSync(join(root, 'content/news'), { recursive: true });
    writeFileSync(join(root, 'content/registry.yaml'), registry);
    if (fixtures === FIXTURES) cpSync(FIXTURES, join(root, 'saved'), { recursive: true });
    else cpSync(fixtures, root, { recursive: true });
    return root;
  }

  function runImport(root: string, ...args: string[]) {
    const script = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts.import as string;
    const [, ...argv] = script.split(' ').map((arg) => (arg.startsWith('./') || arg.startsWith('scripts/') ? join(ROOT, arg) : arg));
    return spawnSync(process.execPath, [...argv, ...args], { cwd: root, encoding: 'utf8' });
  }

  test('imports a folder, reports the page it cannot read, and writes articles that pass the check', () => {
    const root = project();
    const result = runImport(root, '--base-url', 'http://www.kfq.example.gov.cn/', 'saved');
    expect(result.status).toBe(1);
    const lines = result.stdout.trim().split('\n');
    expect(lines).toContain(
      '已导入 / imported: saved/kfqxw/sz-gbk.html -> content/news/2019/2019-05-20-suzhou-gongye-yuanqu-faburencaixinzheng.md',
    );
    expect(lines).toContain('未导入 / not imported: saved/broken.html:');
    expect(lines.at(-2)).toBe('导入 3 篇，跳过 0 篇，失败 1 个 / imported 3, skipped 0, failed 1');
    expect(lines.at(-1)).toMatch(/^已在 content\/slugs\.lock 中记录 \d+ 个名称的网址名/);

    const check = checkContent({ rootDir: root, contentDir: 'content/news', articlePath });
    expect(check.problems).toEqual([]);
    const byTitle = new Map(check.articles.map(({ article }) => [article.title, article]));
    // Filed under official names; legacyUrl from --base-url when the page has no canonical link.
    expect(byTitle.get('苏州工业园区发布人才新政')).toMatchObject({ zone: '苏州工业园区', region: '苏州' });
    expect(byTitle.get('图说盐城高新区标准厂房建设')).toMatchObject({
      zone: '盐城高新技术产业开发区',
      legacyUrl: 'http://www.kfq.example.gov.cn/kfqxw/yc/t20230510_2001.html',
    });
  });

  test('a page imported before is skipped and named', () => {
    const root = project();
    runImport(root, 'saved/kfqxw/yc/t20230407_1234.html');
    const again = runImport(root, 'saved/kfqxw/yc/t20230407_1234.html');
    expect(again.status).toBe(0);
    expect(again.stdout).toContain(
      '已跳过 / skipped: saved/kfqxw/yc/t20230407_1234.html: 已导入为 content/news/2023/2023-04-07-yancheng-jingkaiqu-yijidu-12.md',
    );
  });

  test('a page whose zone is not in the registry is not written, and the check says why', () => {
    const root = project('regions:\n  - name: 盐城\nzones:\n  - name: 盐城高新技术产业开发区\n    region: 盐城\n');
    const result = runImport(root, 'saved/kfqxw/yc/t20230407_1234.html');
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/zone: 开发区“盐城经济技术开发区”不在名录 content\/registry\.yaml 中/);
    expect(checkContent({ rootDir: root, contentDir: 'content/news', articlePath }).articles).toEqual([]);
  });
});

describe('npm run import: pictures', () => {
  const IMAGES = join(ROOT, 'test/fixtures/import-images');
  const registry = readFileSync(join(ROOT, 'test/fixtures/site/registry.yaml'), 'utf8');

  function run(root: string, ...args: string[]) {
    const script = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts.import as string;
    const [, ...argv] = script.split(' ').map((arg) => (arg.startsWith('./') || arg.startsWith('scripts/') ? join(ROOT, arg) : arg));
    return spawnSync(process.execPath, [...argv, ...args], { cwd: root, encoding: 'utf8' });
  }

  function project(): string {
    const root = mkdtempSync(join(tmpdir(), 'devzone-import-images-'));
    mkdirSync(join(root, 'content/news'), { recursive: true });
    writeFileSync(join(root, 'content/registry.yaml'), registry);
    cpSync(IMAGES, root, { recursive: true });
    return root;
  }

  const article = (root: string, name: string) => readFileSync(join(root, 'content/news/2023', name), 'utf8');
  const bytes = (root: string, path: string) => readFileSync(join(root, path));

  test('a page saved "complete": pictures from its _files folder are copied, https kept, http dropped and listed', () => {
    const root = project();
    const result = run(root, 'saved/t20230601_3001.html');
    expect(result.status).toBe(1);
    const folder = 'images/2023/2023-06-01-yancheng-jingkaiqu-xinnengyuan-chanye';
    const text = article(root, '2023-06-01-yancheng-jingkaiqu-xinnengyuan-chanye.md');
    // The page's address comes from the "saved from url" comment Chrome writes.
    expect(text).toContain('legacyUrl: http://www.kfq.example.gov.cn/kfqxw/yc/202306/t20230601_3001.html');
    expect(text).toContain(`type: 图片新闻\ncover: /${folder}/kaigong.jpg\ncoverAlt: 开工现场`);
    expect(text).toContain(`![开工现场](/${folder}/kaigong.jpg)`);
    expect(text).toContain(`![项目效果图](/${folder}/w020230601.png)`);
    expect(text).toContain('![区位图](https://cdn.example.com/news/map.png)');
    expect(text).not.toMatch(/http:\/\/[^)\n]*\.(jpg|png)|奠基仪式/);
    expect(bytes(root, `public/${folder}/kaigong.jpg`)).toEqual(bytes(IMAGES, 'saved/t20230601_3001_files/kaigong.jpg'));
    expect(bytes(root, `public/${folder}/w020230601.png`)).toEqual(bytes(IMAGES, 'saved/t20230601_3001_files/W020230601.png'));

    const lines = result.stdout.trim().split('\n');
    const file = 'content/news/2023/2023-06-01-yancheng-jingkaiqu-xinnengyuan-chanye.md';
    expect(lines.slice(lines.indexOf('远程图片 / remote pictures:'), lines.indexOf('远程图片 / remote pictures:') + 2)).toEqual([
      '远程图片 / remote pictures:',
      `  ${file}: https://cdn.example.com/news/map.png`,
    ]);
    expect(lines.slice(lines.indexOf('缺少的图片 / missing pictures:'))).toEqual([
      '缺少的图片 / missing pictures:',
      `  ${file}: http://www.kfq.example.gov.cn/uploads/2023/06/gone.jpg`,
      '    找不到图片文件，已从正文删除 / no file found: removed from the body',
      '图片：复制 2 张，远程 1 张，缺少 1 张 / pictures: copied 2, remote 1, missing 1',
      '导入 1 篇，跳过 0 篇，失败 0 个 / imported 1, skipped 0, failed 0',
      '已在 content/slugs.lock 中记录 3 个名称的网址名，请一并提交 / recorded the slugs of 3 name(s) in content/slugs.lock: commit it with the articles',
    ]);
    expect(checkContent({ rootDir: root, contentDir: 'content/news', articlePath }).problems).toEqual([]);
  });

  test('a mirror folder: both wget layouts, two pictures of one name kept apart, SVG refused, a 图片新闻 with no picture left', () => {
    const root = project();
    const result = run(root, '--base-url', 'http://www.kfq.example.gov.cn/', '--images', 'mirror', 'saved/kfqxw');
    expect(result.status).toBe(1);
    const folder = 'images/2023/2023-06-02-yancheng-jingkaiqu';
    const text = article(root, '2023-06-02-yancheng-jingkaiqu.md');
    expect(text).toContain(`cover: /${folder}/photo.jpg\ncoverAlt: 一期厂房`);
    expect(text).toContain(`![一期厂房](/${folder}/photo.jpg)\n\n![二期厂房](/${folder}/photo-2.jpg)`);
    expect(text).not.toContain('svg');
    expect(bytes(root, `public/${folder}/photo.jpg`)).toEqual(bytes(IMAGES, 'mirror/www.kfq.example.gov.cn/uploads/2023/06/a/photo.jpg'));
    expect(bytes(root, `public/${folder}/photo-2.jpg`)).toEqual(bytes(IMAGES, 'mirror/uploads/2023/06/b/photo.jpg'));
    expect(readdirSync(join(root, 'public', folder)).sort()).toEqual(['photo-2.jpg', 'photo.jpg']);

    const demoted = article(root, '2023-06-03-yancheng-jingkaiqu-juban-zhaoshang.md');
    expect(demoted).toContain('type: 文字新闻');
    expect(demoted).not.toMatch(/cover|tuijiehui/);
    expect(result.stdout).toContain(
      '  content/news/2023/2023-06-02-yancheng-jingkaiqu.md: http://www.kfq.example.gov.cn/uploads/2023/06/logo.svg\n    SVG 图片可能含脚本',
    );
    expect(result.stdout).toContain(
      '  content/news/2023/2023-06-03-yancheng-jingkaiqu-juban-zhaoshang.md: http://www.kfq.example.gov.cn/uploads/2023/06/tuijiehui.jpg\n    图片新闻的图片都找不到，文章按文字新闻写出',
    );
    expect(result.stdout).toContain('图片：复制 2 张，远程 0 张，缺少 3 张 / pictures: copied 2, remote 0, missing 3');
    expect(checkContent({ rootDir: root, contentDir: 'content/news', articlePath }).problems).toEqual([]);
  });

  test('the same picture imported again is reused; a frame saved in t1_files/ is not a page', () => {
    const root = project();
    const first = run(root, 'saved');
    expect(first.stdout).not.toContain('saved_resource');
    expect(first.stdout).toContain('导入 3 篇，跳过 0 篇，失败 0 个');
    // The article deleted and imported again: its pictures are already there, byte for byte.
    rmSync(join(root, 'content/news/2023/2023-06-01-yancheng-jingkaiqu-xinnengyuan-chanye.md'));
    expect(run(root, 'saved/t20230601_3001.html').stdout).toContain('图片：复制 2 张');
    const folder = join(root, 'public/images/2023/2023-06-01-yancheng-jingkaiqu-xinnengyuan-chanye');
    expect(readdirSync(folder).sort()).toEqual(['kaigong.jpg', 'w020230601.png']);
  });

  test('a page that is not written leaves no pictures behind', () => {
    const root = project();
    writeFileSync(join(root, 'content/registry.yaml'), 'regions:\n  - name: 苏州\nzones:\n  - name: 苏州工业园区\n    region: 苏州\n');
    const result = run(root, 'saved/t20230601_3001.html');
    expect(result.stdout).toContain('导入 0 篇，跳过 0 篇，失败 1 个');
    expect(existsSync(join(root, 'public/images'))).toBe(false);
  });

  test('pictures are told by their bytes; names are ASCII', () => {
    expect(sniffImage(bytes(IMAGES, 'saved/t20230601_3001_files/kaigong.jpg'))).toBe('jpg');
    expect(sniffImage(bytes(IMAGES, 'saved/t20230601_3001_files/W020230601.png'))).toBe('png');
    expect(sniffImage(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeUndefined();
    expect(imageName('/x/厂房 图.JPG', 'jpg', Buffer.from('a'))).toMatch(/^image-[0-9a-f]{8}\.jpg$/);
    expect(imageName('/x/Chang Fang(1).jpeg', 'jpg', Buffer.from('a'))).toBe('chang-fang-1.jpg');
  });

  test('a relative address never leads out of the folder being imported', () => {
    const sources = { page: '/in/saved/kfqxw/t1.html', inputRoot: '/in/saved' };
    expect(candidates('../../secret/a.jpg', undefined, sources)).toEqual([]);
    expect(candidates('../a.jpg', undefined, sources)).toEqual(['/in/saved/a.jpg']);
    expect(candidates('/a.jpg', 'http://old.example/p/a.jpg?w=1', { ...sources, mirror: '/m' })).toEqual([
      '/in/saved/kfqxw/t1_files/a.jpg',
      '/m/old.example/p/a.jpg',
      '/m/old.example/p/a.jpg?w=1',
      '/m/p/a.jpg',
      '/m/p/a.jpg?w=1',
    ]);
  });
});
