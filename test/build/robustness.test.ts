import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { beforeAll, expect, test } from 'vitest';
import { buildSite, ROOT, tempDir, type BuildResult } from './helpers';
import { randomArticle, type RandomArticle } from './random-articles';

/**
 * Hundreds of random articles (test/build/random-articles.ts, seed below: a failure reproduces
 * with the same seed) through `npm run check` and the build. Each is either accepted, and then
 * built and passed by the audit, or rejected with a message naming its file; nothing crashes
 * with a stack trace, and no accepted article is missing from the site.
 */

const SEED = 20261128;
const COUNT = 300;
/** A stack trace line, as Node prints one. */
const STACK = /^\s+at .+(:\d+:\d+\)?|\(native\))$/m;

let work: string;
let content: string;
let articles: RandomArticle[];
let check: { status: number | null; stdout: string; stderr: string };
let report: { problems: Array<{ file: string; line?: number; message: string }>; articles: number };
let rejected: Set<string>;
let failed: BuildResult;
let built: BuildResult;

beforeAll(() => {
  work = tempDir('robust');
  content = join(work, 'content');
  mkdirSync(content, { recursive: true });
  cpSync(join(ROOT, 'test/fixtures/site/registry.yaml'), join(work, 'registry.yaml'));
  articles = Array.from({ length: COUNT }, (_, index) => randomArticle(SEED, index));
  for (const article of articles) writeFileSync(join(content, article.name), article.bytes);

  check = spawnSync(process.execPath, ['--import', './scripts/register-alias.mjs', 'scripts/check.ts', '--json', content], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  report = JSON.parse(check.stdout) as typeof report;
  rejected = new Set(report.problems.map((problem) => basename(problem.file)));

  // The whole folder, rejected files included: the build must refuse it, naming them.
  failed = buildSite(content, { work: join(work, 'failed') });
  // Then without them (a leading `_` makes the build skip a file), into a site.
  for (const name of rejected) renameSync(join(content, name), join(content, `_${name}`));
  built = buildSite(content, { work });
});

test('the check neither crashes nor drops a file: each is accepted or named in a problem', () => {
  expect(check.stderr).toBe('');
  expect(check.stdout).not.toMatch(STACK);
  expect(check.status).toBe(1);
  const names = new Set(articles.map((article) => article.name));
  for (const problem of report.problems) {
    expect(names.has(basename(problem.file)), problem.file).toBe(true);
    expect(problem.message).toMatch(/[\u4e00-\u9fff].*\/ ?[A-Za-z]/); // Chinese / English
  }
  // Many of both kinds, so the test exercises both paths.
  expect(rejected.size).toBeGreaterThan(30);
  expect(COUNT - rejected.size).toBeGreaterThan(60);
  expect(report.articles).toBeGreaterThanOrEqual(COUNT - rejected.size);
});

test('the build of the whole folder stops with the same files named, without a stack trace', () => {
  expect(failed.status).not.toBe(0);
  expect(failed.output).toContain('内容有误，未生成网站 / The content has errors; nothing was built.');
  expect(failed.output).not.toMatch(STACK);
  for (const name of rejected) expect(failed.output).toContain(`/${name}`);
  expect(existsSync(join(failed.dist, 'index.html'))).toBe(false);
});

test('without the rejected files the site builds, passes the audit and has every accepted article', () => {
  if (built.status !== 0) throw new Error(`build failed:\n${built.output}`);
  const published = articles.filter((article) => !rejected.has(article.name) && !article.hidden);
  const held = articles.filter((article) => !rejected.has(article.name) && article.hidden);
  expect(built.output).toContain(`[devzone-audit] checked ${published.length} articles, ${held.length} draft or scheduled absent;`);
  for (const article of published) {
    expect(existsSync(join(built.dist, 'news', article.name.replace(/\.md$/, ''), 'index.html')), article.name).toBe(true);
  }
  for (const article of held) expect(existsSync(join(built.dist, 'news', article.name.replace(/\.md$/, '')))).toBe(false);
});
