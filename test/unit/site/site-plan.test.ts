import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { plannedFiles } from '@/lib/site/site-plan';
import { feedPath, listingPath, termSlug } from '@/lib/site/urls';
import { article } from '../helpers';

/** The files a build will write, as the editors' check knows them before the build. */

const publicDir = mkdtempSync(join(tmpdir(), 'devzone-plan-'));
mkdirSync(join(publicDir, 'images'));
writeFileSync(join(publicDir, 'images/a.jpg'), 'jpg');

const published = [
  article('a1', { zone: '盐城经济技术开发区', region: '盐城', year: 2023 }),
  article('a2', { zone: '盐城经济技术开发区', region: '盐城', year: 2023 }),
  article('a3', { zone: '苏州工业园区', region: '苏州', year: 2022 }),
  article('a4', { zone: '盐城经济技术开发区', region: '盐城', year: 2023 }),
];
// Two articles a page: the whole list and 盐城 have a second page, 苏州 does not.
const has = plannedFiles(published, publicDir, {}, 2);
const file = (path: string) => path.slice(1) + (path.endsWith('/') ? 'index.html' : '');

test('every published article has its page, and no other article does', () => {
  expect(has('news/a1/index.html')).toBe(true);
  expect(has('news/a3/index.html')).toBe(true);
  expect(has('news/a5/index.html')).toBe(false);
});

test('every listing page, as paginated, and its feed', () => {
  expect(has(file(listingPath('all', undefined, 2)))).toBe(true);
  expect(has(file(listingPath('all', undefined, 3)))).toBe(false);
  expect(has(file(listingPath('region', '盐城', 2)))).toBe(true);
  expect(has(file(listingPath('region', '苏州', 2)))).toBe(false);
  expect(has(file(feedPath('zone', '苏州工业园区')))).toBe(true);
  expect(has(`years/${termSlug('year', '2022')}/index.html`)).toBe(true);
  // Both type listings, even the one no article is filed under yet.
  expect(has(file(listingPath('type', '图片新闻')))).toBe(true);
  expect(has('zones/no-such-zone/index.html')).toBe(false);
});

test('the fixed pages, the taxonomy indexes and public/', () => {
  for (const name of [
    'index.html',
    'search/index.html',
    'feeds/index.html',
    'feeds.opml',
    '404.html',
    'zones/index.html',
    'years/index.html',
  ])
    expect(has(name), name).toBe(true);
  expect(has('types/index.html')).toBe(false);
  expect(has('images/a.jpg')).toBe(true);
  expect(has('images/b.jpg')).toBe(false);
  expect(has('images')).toBe(false);
  expect(has('../x/images/a.jpg')).toBe(false);
});

test('files only the build names are taken to exist: the post-build audit checks them', () => {
  expect(has('_astro/index.B1a2c3.css')).toBe(true);
  expect(has('pagefind/pagefind.js')).toBe(true);
  expect(has('sitemap-0.xml')).toBe(true);
});
