import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { createGzip } from 'node:zlib';

/**
 * A static host that behaves like Cloudflare Pages for what the build tests and the recall report
 * need: the built site is served under its base (`/kfq/`), and `_headers` is applied as
 * Cloudflare documents it: every rule whose path matches adds its headers, and two values of one
 * header are joined with a comma. So a test sees the CSP and cache headers a reader would get,
 * overlaps included.
 */

export interface HeaderRule {
  pattern: RegExp;
  path: string;
  headers: Array<[string, string]>;
  /** Names of `! Name` lines: headers this rule removes from the response, whichever rule set them. */
  detached: string[];
}

/**
 * Parses `_headers`: a path line, then indented `Name: value` or `! Name` lines; `*` matches
 * anything, a `:placeholder` one path segment.
 */
export function parseHeaders(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (/^\S/.test(line)) {
      const path = line.trim();
      const pattern = new RegExp(
        `^${path
          .replace(/[.+?^${}()|[\]\\]/g, '\\$&')
          .replace(/\*/g, '.*')
          .replace(/:\w+/g, '[^/]+')}$`,
      );
      rules.push({ pattern, path, headers: [], detached: [] });
    } else if (/^\s+!\s*\S/.test(line)) {
      rules.at(-1)?.detached.push(
        line
          .replace(/^\s+!\s*/, '')
          .trim()
          .toLowerCase(),
      );
    } else {
      const [, name, value] = /^\s+([^:]+):\s*(.*)$/.exec(line) ?? [];
      if (name) rules.at(-1)?.headers.push([name, value]);
    }
  }
  return rules;
}

/**
 * The headers a request path gets: every matching rule's, same names joined with ", ", less the
 * names a matching rule detaches (`! Name`, which Cloudflare documents as removing a header a
 * more pervasive rule added).
 */
export function headersFor(rules: readonly HeaderRule[], path: string): Record<string, string> {
  const result: Record<string, string> = {};
  const detached = new Set<string>();
  for (const rule of rules) {
    if (!rule.pattern.test(path)) continue;
    for (const name of rule.detached) detached.add(name);
    for (const [name, value] of rule.headers) {
      const key = name.toLowerCase();
      result[key] = result[key] === undefined ? value : `${result[key]}, ${value}`;
    }
  }
  return Object.fromEntries(Object.entries(result).filter(([name]) => !detached.has(name)));
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml',
  '.xsl': 'application/xslt+xml',
  '.opml': 'text/x-opml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
  '.yml': 'text/yaml; charset=utf-8',
  '.wasm': 'application/wasm',
};

/** Types a CDN compresses: text. Pagefind's index files are gzip inside already. */
const COMPRESSED = new Set(['.html', '.js', '.css', '.json', '.svg', '.xml', '.xsl', '.opml', '.webmanifest']);

/**
 * Serves `dist` at `{origin}{base}` with its `_headers`; `/x/` is `/x/index.html`, as a CDN does.
 * With `gzip`, text goes out gzip-compressed to a client that accepts it, as Cloudflare sends it
 * (the page-quality report needs it: Lighthouse counts uncompressed text against a page).
 */
export async function host(dist: string, base: string, options: { gzip?: boolean } = {}): Promise<{ origin: string; server: Server }> {
  const rules = existsSync(join(dist, '_headers')) ? parseHeaders(readFileSync(join(dist, '_headers'), 'utf8')) : [];
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    const headers = headersFor(rules, path);
    let file = path.startsWith(base) ? normalize(join(dist, path.slice(base.length))) : '';
    if (file && !file.startsWith(dist)) file = '';
    if (file && existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!file || !existsSync(file) || file.endsWith('_headers') || file.endsWith('_redirects')) {
      response.writeHead(404, { ...headers, 'Content-Type': TYPES['.html'] });
      response.end(existsSync(join(dist, '404.html')) ? readFileSync(join(dist, '404.html')) : 'not found');
      return;
    }
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    const gzip = options.gzip && COMPRESSED.has(extname(file)) && /\bgzip\b/.test(request.headers['accept-encoding'] ?? '');
    if (gzip) {
      response.writeHead(200, { ...headers, 'Content-Type': type, 'Content-Encoding': 'gzip', Vary: 'Accept-Encoding' });
      createReadStream(file).pipe(createGzip()).pipe(response);
      return;
    }
    response.writeHead(200, { ...headers, 'Content-Type': type });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}
