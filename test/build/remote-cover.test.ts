import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'cheerio';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { buildSite, ROOT, tempDir } from './helpers';

/**
 * Remote covers, built with a picture server on this machine (the build machine may have no
 * network) and an address nothing answers: the page gets the served picture's real size and the
 * feed its length, the unreachable one is shown without a size and breaks nothing. A second build
 * with the same cache and the server stopped takes the size from the cache folder and writes the
 * same pages.
 */

const PICTURE = join(ROOT, 'public/images/covers/cover-05.jpg');
let server: ChildProcess;
let origin = '';
let work = '';
let first = '';

// The server runs in its own process: the builds below block this one (spawnSync).
function startServer(): Promise<string> {
  const code = `
    const { createServer } = require('node:http');
    const data = require('node:fs').readFileSync(${JSON.stringify(PICTURE)});
    const server = createServer((req, res) => req.url === '/photo.jpg' ? res.writeHead(200, { 'content-type': 'image/jpeg' }).end(data) : res.writeHead(404).end());
    server.listen(0, '127.0.0.1', () => console.log(server.address().port));`;
  server = spawn(process.execPath, ['-e', code], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve) => server.stdout?.once('data', (port) => resolve(`http://127.0.0.1:${String(port).trim()}`)));
}

function article(name: string, cover: string): string {
  return [
    '---',
    `title: 远程封面${name}`,
    'date: 2024-05-01 10:00',
    'source: 盐城经济技术开发区管委会',
    'zone: 盐城经济技术开发区',
    'region: 盐城',
    'type: 图片新闻',
    `cover: ${cover}`,
    'coverAlt: 园区全景',
    `slug: remote-${name}`,
    '---',
    '正文。',
  ].join('\n');
}

beforeAll(async () => {
  origin = await startServer();
  work = tempDir('remote-cover');
  const content = join(work, 'content');
  mkdirSync(content, { recursive: true });
  cpSync(join(ROOT, 'test/fixtures/site/registry.yaml'), join(work, 'registry.yaml'));
  writeFileSync(join(content, 'served.md'), article('served', `${origin}/photo.jpg`));
  // TEST-NET-1 (RFC 5737): no host answers, so the request times out.
  writeFileSync(join(content, 'unreachable.md'), article('unreachable', 'http://192.0.2.1:9/photo.jpg'));
  const build = buildSite(content, { work });
  if (build.status !== 0) throw new Error(`build failed:\n${build.output}`);
  first = build.dist;
}, 180_000);

afterAll(() => {
  server.kill();
});

const cover = (dist: string, slug: string) => load(readFileSync(join(dist, 'news', slug, 'index.html'), 'utf8'))('.article__cover img');

test("a remote cover the build could read: shown from its server with the picture's real width and height", () => {
  const img = cover(first, 'remote-served');
  expect([img.attr('src'), img.attr('width'), img.attr('height')]).toEqual([`${origin}/photo.jpg`, '1600', '900']);
  const feed = readFileSync(join(first, 'news/rss.xml'), 'utf8');
  expect(feed).toContain(`<enclosure url="${origin}/photo.jpg" length="${readFileSync(PICTURE).byteLength}" type="image/jpeg"/>`);
});

test('a remote cover the build could not read: shown without a size, length 0 in the feed, the build unharmed', () => {
  const img = cover(first, 'remote-unreachable');
  expect(img.attr('src')).toBe('http://192.0.2.1:9/photo.jpg');
  expect(img.attr('width')).toBeUndefined();
  expect(readFileSync(join(first, 'news/rss.xml'), 'utf8')).toContain(
    '<enclosure url="http://192.0.2.1:9/photo.jpg" length="0" type="image/jpeg"/>',
  );
});

test('a second build with the server stopped takes the size from the cache folder: the same pages', () => {
  server.kill();
  const again = buildSite(join(work, 'content'), { work: join(work, 'again'), env: { DEVZONE_CACHE_DIR: join(work, 'cache') } });
  expect(again.status, again.output).toBe(0);
  for (const slug of ['remote-served', 'remote-unreachable']) {
    const file = join('news', slug, 'index.html');
    expect(readFileSync(join(again.dist, file), 'utf8'), file).toBe(readFileSync(join(first, file), 'utf8'));
  }
}, 180_000);
