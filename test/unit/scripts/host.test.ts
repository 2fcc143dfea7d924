import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, test } from 'vitest';
import { headersFor, host, parseHeaders } from '../../../scripts/site/host.ts';

let dir: string;
let server: Server | undefined;

afterEach(() => {
  server?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A raw GET (fetch would decompress): status, headers and the bytes as sent. */
function get(url: string, encoding?: string): Promise<{ headers: Record<string, unknown>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    request(url, { headers: encoding ? { 'Accept-Encoding': encoding } : {} }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ headers: response.headers, body: Buffer.concat(chunks) }));
    })
      .on('error', reject)
      .end();
  });
}

async function serveSite(gzip: boolean): Promise<string> {
  dir = mkdtempSync(join(tmpdir(), 'host-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><p>开发区新闻</p>');
  writeFileSync(join(dir, 'data.pf_fragment'), 'binary');
  writeFileSync(join(dir, '_headers'), '/*\n  X-Test: yes\n');
  const hosted = await host(dir, '/', { gzip });
  server = hosted.server;
  return hosted.origin;
}

describe('host gzip', () => {
  test('with gzip, text goes out compressed to a client that accepts it, _headers still applied', async () => {
    const origin = await serveSite(true);
    const page = await get(`${origin}/`, 'gzip, br');
    expect(page.headers['content-encoding']).toBe('gzip');
    expect(page.headers['x-test']).toBe('yes');
    expect(gunzipSync(page.body).toString()).toBe('<!doctype html><p>开发区新闻</p>');
    // Not to a client that does not ask, and not Pagefind's files, which are compressed inside.
    expect((await get(`${origin}/`)).headers['content-encoding']).toBeUndefined();
    expect((await get(`${origin}/data.pf_fragment`, 'gzip')).headers['content-encoding']).toBeUndefined();
  });

  test('without gzip, files go out as they are', async () => {
    const origin = await serveSite(false);
    const page = await get(`${origin}/`, 'gzip');
    expect(page.headers['content-encoding']).toBeUndefined();
    expect(page.body.toString()).toBe('<!doctype html><p>开发区新闻</p>');
  });
});

describe('host _headers', () => {
  test('every matching rule adds its headers, joined, and a `! Name` line detaches one whichever rule set it', () => {
    const rules = parseHeaders(
      "/*\n  Content-Security-Policy: script-src 'self'\n  X-Frame-Options: DENY\n/admin/*\n  ! Content-Security-Policy\n/news/*\n  Content-Security-Policy: img-src 'self'\n",
    );
    expect(headersFor(rules, '/news/a/')).toEqual({
      'content-security-policy': "script-src 'self', img-src 'self'",
      'x-frame-options': 'DENY',
    });
    expect(headersFor(rules, '/admin/')).toEqual({ 'x-frame-options': 'DENY' });
  });
});
