import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import { fetchRemoteImage, remoteImageFacts } from '@/lib/build/remote-images';

// A local HTTP server stands in for another site's picture server: the build machine may have no network.
let server: Server;
let origin = '';
let jpeg: Buffer;
const requests: string[] = [];

beforeAll(async () => {
  jpeg = await sharp({ create: { width: 1024, height: 768, channels: 3, background: '#3366aa' } })
    .jpeg()
    .toBuffer();
  server = createServer((request, response) => {
    requests.push(request.url ?? '');
    if (request.url === '/photo.jpg') response.writeHead(200, { 'content-type': 'image/jpeg' }).end(jpeg);
    else if (request.url === '/slow.jpg') setTimeout(() => response.writeHead(200).end(jpeg), 2000);
    else if (request.url === '/page.html') response.writeHead(200, { 'content-type': 'text/html' }).end('<p>not a picture</p>');
    else response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

test('a readable picture: its real size, format and byte length', async () => {
  expect(await fetchRemoteImage(`${origin}/photo.jpg`)).toMatchObject({
    src: `${origin}/photo.jpg`,
    width: 1024,
    height: 768,
    format: 'jpeg',
    bytes: jpeg.byteLength,
  });
});

test('nothing, without an error, for a 404, a page that is no picture, a timeout or an unreachable host', async () => {
  expect(await fetchRemoteImage(`${origin}/missing.jpg`)).toBeUndefined();
  expect(await fetchRemoteImage(`${origin}/page.html`)).toBeUndefined();
  expect(await fetchRemoteImage(`${origin}/slow.jpg`, 200)).toBeUndefined();
  // Port 9 of a TEST-NET address (RFC 5737): nothing answers.
  expect(await fetchRemoteImage('http://192.0.2.1:9/a.jpg', 300)).toBeUndefined();
});

test('each URL is read once: later builds take it from the cache file; unreadable ones are asked again', async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'devzone-remote-')), 'remote.json');
  const urls = [`${origin}/photo.jpg`, `${origin}/missing.jpg`, `${origin}/photo.jpg`];
  requests.length = 0;
  const first = await remoteImageFacts(urls, file);
  expect([...first.keys()]).toEqual([`${origin}/photo.jpg`]);
  expect(requests).toEqual(['/photo.jpg', '/missing.jpg']);
  const stored = readFileSync(file, 'utf8');

  requests.length = 0;
  const second = await remoteImageFacts(urls, file);
  expect(second).toEqual(first);
  expect(requests).toEqual(['/missing.jpg']);
  expect(readFileSync(file, 'utf8')).toBe(stored);
});

test('no readable URL and no cache file: none is written', async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'devzone-remote-')), 'remote.json');
  const read = vi.fn(async () => undefined);
  expect((await remoteImageFacts(['https://cdn.example.org/a.jpg'], file, read)).size).toBe(0);
  expect(read).toHaveBeenCalledOnce();
  expect(existsSync(file)).toBe(false);
});
