import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { articleSlug } from '@/lib/content/slugs';
import { buildSite, copyProject, page as builtPage, ROOT, tempDir } from './helpers';
import { host } from '../../scripts/site/host.ts';
import { launchChromium } from '../../scripts/site/search-harness.ts';

/**
 * The web editor end to end: a fixture site built with /admin/, served with its `_headers` as
 * Cloudflare applies them, opened in Chromium against decap-server (Decap's local backend, in git
 * mode) on a temporary git repository. An editor signs in, writes a 图片新闻 with a cover and
 * publishes it; the commit holds a Markdown file that `npm run check` accepts and that builds into
 * an article page with its cover. An article without its 来源 is refused, in Chinese, and nothing
 * is committed. No CSP violation anywhere.
 */

const TITLE = '盐城经开区一季度12个重大项目集中开工';
const git = (repo: string, ...args: string[]) => spawnSync('git', ['-C', repo, ...args], { encoding: 'utf8' });

let work: string;
let repo: string;
let server: Server;
let origin: string;
let proxy: ChildProcess;
let browser: Browser;
const problems: string[] = [];
let built: { status: number | null; output: string; dist: string };

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** decap-server in git mode: every save is a commit in `repo`. Resolves once it listens. */
function startProxy(port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, [join(ROOT, 'node_modules/decap-server/dist/index.js')], {
    env: { ...process.env, MODE: 'git', GIT_REPO_DIRECTORY: repo, PORT: String(port), BIND_HOST: '127.0.0.1', LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (data: Buffer) => {
      output += data.toString();
      if (/listening/i.test(output)) resolve(child);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => reject(new Error(`decap-server exited with ${code}: ${output}`)));
  });
}

/** A 1×1 PNG, as an editor's photo. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC', 'base64');

beforeAll(async () => {
  // decap-server commits with the git command, as the test reads the repository.
  if (spawnSync('git', ['--version']).status !== 0) throw new Error('this test needs git on the PATH (apt-get install git)');
  work = tempDir('cms');
  repo = join(work, 'repo');
  mkdirSync(join(repo, 'content'), { recursive: true });
  mkdirSync(join(repo, 'public/images'), { recursive: true });
  cpSync(join(ROOT, 'test/fixtures/site/news/yancheng'), join(repo, 'content/news/2023'), { recursive: true });
  cpSync(join(ROOT, 'test/fixtures/site/registry.yaml'), join(repo, 'content/registry.yaml'));
  // The fixture articles' covers, as a real repository has them.
  cpSync(join(ROOT, 'public/images/covers'), join(repo, 'public/images/covers'), { recursive: true });
  git(repo, 'init', '-q', '-b', 'main');
  git(repo, 'config', 'user.name', '编辑');
  git(repo, 'config', 'user.email', 'editor@example.org');
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', 'init');
  writeFileSync(join(work, 'cover.png'), PNG);

  const port = await freePort();
  built = buildSite(join(repo, 'content/news'), { work, env: { DEVZONE_CMS_PROXY: `http://127.0.0.1:${port}/api/v1` } });
  if (built.status !== 0) throw new Error(`build failed:\n${built.output}`);
  ({ origin, server } = await host(built.dist, '/'));
  proxy = await startProxy(port);
  browser = await launchChromium();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  server?.close();
  proxy?.kill();
  if (work) rmSync(work, { recursive: true, force: true });
});

/**
 * A new browser session (signed out) that collects CSP violations into `problems`; signs in with the local backend's button and opens a new article's form.
 */
async function newArticle(): Promise<Page> {
  // Editors in China: the browser's clock is Beijing time, which the date field writes.
  const context: BrowserContext = await browser.newContext({ timezoneId: 'Asia/Shanghai', locale: 'zh-CN' });
  context.on('console', (message) => {
    if (/Content.Security.Policy|Refused to/i.test(message.text())) problems.push(message.text());
  });
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) =>
      console.log(`Content-Security-Policy violation: ${event.violatedDirective} ${event.blockedURI}`),
    );
  });
  const page = await context.newPage();
  await page.goto(`${origin}/admin/`);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByText('新闻').first().waitFor();
  await page.goto(`${origin}/admin/#/collections/news/new`);
  await page.getByLabel('标题').waitFor();
  return page;
}

/** Picks `value` in a select (Decap labels an optional field `类型 (可选)`). */
async function choose(page: Page, label: string, value: string): Promise<void> {
  await page.getByLabel(new RegExp(`^${label}`)).fill(value);
  await page.keyboard.press('Enter');
}

async function publish(page: Page): Promise<void> {
  await page.getByText('发布', { exact: true }).click();
  await page.getByText('立即发布').click();
}

const commits = () => git(repo, 'rev-list', '--count', 'HEAD').stdout.trim();

describe('/admin/ in the built site', () => {
  test('is the editor page with its own policy, kept out of robots, sitemap and search, and audited', () => {
    const headers = readFileSync(join(built.dist, '_headers'), 'utf8');
    expect(headers).toMatch(/^\/admin\/\*\n {2}! Content-Security-Policy$/m);
    expect(readFileSync(join(built.dist, 'robots.txt'), 'utf8')).toContain('Disallow: /admin/');
    expect(readFileSync(join(built.dist, 'sitemap-0.xml'), 'utf8')).not.toContain('/admin/');
    const html = readFileSync(join(built.dist, 'admin/index.html'), 'utf8');
    expect(html).toContain('<script src="decap-cms.js"></script>\n<script src="save-rules.js"></script>');
    expect(html).toMatch(/http-equiv="Content-Security-Policy" content="[^"]*script-src 'self' 'unsafe-eval'/);
    expect(existsSync(join(built.dist, 'admin/decap-cms.js'))).toBe(true);
    expect(built.output).toMatch(/\[devzone-audit\] checked/);
    const config = parse(readFileSync(join(built.dist, 'admin/config.yml'), 'utf8')) as { collections: Array<{ folder: string }> };
    expect(config.collections[0].folder).toBe('content/news');
    // No secret: the backend settings are names and public ids only.
    expect(readFileSync(join(built.dist, 'admin/config.yml'), 'utf8')).not.toMatch(/secret|token|password/i);
  });

  test('the rest of the site keeps the strict policy', async () => {
    const response = await fetch(`${origin}/`);
    expect(response.headers.get('content-security-policy')).toMatch(/script-src 'self'(;| 'sha256-)/);
    expect(response.headers.get('content-security-policy')).not.toMatch(/[ ;]'unsafe-(eval|inline)'/);
    const admin = await fetch(`${origin}/admin/`);
    expect(admin.headers.get('content-security-policy')).toBeNull();
    expect(admin.headers.get('x-frame-options')).toBe('DENY');
  });
});

describe('an editor in Chromium', () => {
  test('writes a 图片新闻 with a cover: one commit, a file the check accepts, an article page', async () => {
    const before = commits();
    const page = await newArticle();
    // Title and date first: the pictures' folder is named after them (docs/editors.md).
    await page.getByLabel('标题').fill(TITLE);
    await page.getByLabel('发布时间').fill('2023-04-07 09:30');
    await page.getByLabel('来源').fill('盐城经济技术开发区管委会');
    await choose(page, '发布开发区', '盐城经济技术开发区');
    await choose(page, '地区', '盐城');
    await choose(page, '类型', '图片新闻');
    await page.getByRole('button', { name: '选择图片' }).click();
    await page.locator('input[type=file]').setInputFiles(join(work, 'cover.png'));
    await page.getByText('选用已选中项目').click();
    await page.getByLabel('封面说明').fill('开工仪式现场');
    await page.locator('[contenteditable=true]').first().click();
    await page.keyboard.type('一季度，盐城经开区12个重大项目集中开工。');
    await publish(page);
    await page.getByText('已发布').waitFor();

    expect(Number(commits())).toBe(Number(before) + 1);
    const changed = git(repo, '-c', 'core.quotePath=false', 'show', '--name-only', '--format=', 'HEAD').stdout.trim().split('\n');
    const file = `content/news/2023/2023-04-07-${TITLE}.md`;
    expect(changed).toContain(file);
    const text = git(repo, 'show', `HEAD:${file}`).stdout;
    expect(text).toMatch(/^date: 2023-04-07 09:30$/m);
    expect(text).toMatch(/^type: 图片新闻$/m);
    // Fields left empty are not written (an empty value is a problem for the check).
    expect(text).not.toMatch(/: ''$/m);
    const cover = /^cover: (.*)$/m.exec(text)?.[1] ?? '';
    expect(cover).toBe(`/images/2023/2023-04-07-${TITLE}/cover.png`);
    expect(changed).toContain(`public${cover}`);
    expect(problems).toEqual([]);

    const check = spawnSync(
      process.execPath,
      ['--import', join(ROOT, 'scripts/register-alias.mjs'), join(ROOT, 'scripts/check.ts'), 'content/news'],
      { cwd: repo, encoding: 'utf8' },
    );
    // The report is stdout; stderr may only say that the check recorded new names' URL slugs
    // (content/slugs.lock), which a commit from the editor does not carry.
    expect(check.stdout).toBe('没有发现问题，共 5 篇文章 / no problems in 5 article(s)\n');
    expect(check.stderr).not.toMatch(/错误|error/i);
    expect(check.status).toBe(0);

    // The repository as committed, built by this project with the repository's pictures.
    const project = copyProject('cms-site');
    cpSync(join(repo, 'public/images'), join(project, 'public/images'), { recursive: true });
    const site = buildSite(join(repo, 'content/news'), { project, work: join(project, 'out') });
    expect(site.status, site.output).toBe(0);
    const $ = builtPage(site.dist, `/news/${articleSlug(`2023-04-07-${TITLE}`)}/`);
    expect($('h1').text()).toContain(TITLE);
    // The cover goes through the image pipeline: its files are named after the uploaded one.
    const shown = $('img[alt="开工仪式现场"]');
    expect(shown.length).toBe(1);
    expect(decodeURI(shown.attr('src') ?? '')).toContain(cover.replace(/\.png$/, ''));
    rmSync(project, { recursive: true, force: true });
    await page.context().close();
  }, 300_000);

  test('a 图片新闻 without a cover is refused before saving, with the schema message, and nothing is committed', async () => {
    const before = commits();
    const page = await newArticle();
    await page.getByLabel('标题').fill('没有封面的图片新闻');
    await page.getByLabel('发布时间').fill('2023-05-02 10:00');
    await page.getByLabel('来源').fill('盐城经济技术开发区管委会');
    await choose(page, '发布开发区', '盐城经济技术开发区');
    await choose(page, '地区', '盐城');
    await choose(page, '类型', '图片新闻');
    await publish(page);
    await page.getByText('图片新闻必须有封面图 / a 图片新闻 needs a cover').waitFor();
    expect(commits()).toBe(before);
    expect(problems).toEqual([]);
    await page.context().close();
  }, 120_000);

  test('an article without its 来源 is refused, in Chinese, and nothing is committed', async () => {
    const before = commits();
    const page = await newArticle();
    await page.getByLabel('标题').fill('缺少来源的新闻');
    await page.getByLabel('发布时间').fill('2023-05-01 10:00');
    await choose(page, '发布开发区', '盐城经济技术开发区');
    await choose(page, '地区', '盐城');
    await publish(page);
    // Decap's Chinese interface: the field's own message, and a notice for the whole form.
    await page.getByText('“来源”是必填项').waitFor();
    await page.getByText('你漏掉了一个必填项，请在保存之前将它填写好').waitFor();
    const body = await page.locator('body').innerText();
    expect(body).not.toContain('已发布');
    expect(commits()).toBe(before);
    expect(problems).toEqual([]);
    await page.context().close();
  }, 120_000);
});
