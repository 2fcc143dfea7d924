import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { readArticleManifest, writeArticleManifest } from '@/lib/build/article-manifest';
import type { Article } from '@/lib/content/article';
import { buildTime, startBuildClock } from '@/lib/build/clock';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  delete process.env.DEVZONE_BUILD_TIME;
});

const article: Article = {
  id: '2024/yancheng-1',
  file: 'content/news/2024/yancheng-1.md',
  slug: '2024-yancheng-1',
  title: '盐城经开区签约项目',
  date: new Date('2024-03-01T01:30:00Z'),
  updated: new Date('2024-03-02T02:00:00Z'),
  year: 2024,
  source: '盐城经济技术开发区管委会',
  zone: '盐城经济技术开发区',
  region: '盐城',
  type: '文字新闻',
  summary: '摘要',
  draft: false,
  tags: ['招商'],
};

test('the article manifest gives back the articles it was given, dates as dates, and leaves no partial file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'manifest-'));
  dirs.push(dir);
  const file = join(dir, 'articles.json');
  writeArticleManifest(file, [{ article, bodyFile: '/cache/bodies/abc.html' }]);
  const [entry] = readArticleManifest(file);
  expect(entry.article).toEqual(article);
  expect(entry.article.date).toBeInstanceOf(Date);
  expect(entry.article.updated).toBeInstanceOf(Date);
  expect(entry.bodyFile).toBe('/cache/bodies/abc.html');
  expect(readdirSync(dir)).toEqual(['articles.json']);
});

test('text comes back as the content store gives it to pages: a lone surrogate as U+FFFD', () => {
  const dir = mkdtempSync(join(tmpdir(), 'manifest-'));
  dirs.push(dir);
  const file = join(dir, 'articles.json');
  writeArticleManifest(file, [{ article: { ...article, title: '盐城\ud800经开区' }, bodyFile: '/cache/bodies/abc.html' }]);
  expect(readArticleManifest(file)[0].article.title).toBe('盐城\ufffd经开区');
});

test('the build clock is read once and then the same for every part of the build', async () => {
  const started = startBuildClock();
  await new Promise((resolve) => setTimeout(resolve, 5));
  expect(buildTime().getTime()).toBe(started.getTime());
  delete process.env.DEVZONE_BUILD_TIME;
  expect(buildTime().getTime()).toBeGreaterThan(started.getTime());
});
