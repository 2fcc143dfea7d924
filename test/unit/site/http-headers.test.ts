import { expect, test } from 'vitest';
import { contentSecurityPolicy, headersFile, IMMUTABLE, REVALIDATE, scriptHash } from '@/lib/site/http-headers';

const FILES = [
  '404.html',
  '_astro/index.DxxqrL7b.js',
  '_astro/Base.Dlq4IV4B.css',
  '_redirects',
  'feeds.opml',
  'images/covers/cover-01.svg',
  'index.html',
  'news/a/index.html',
  'news/rss.xml',
  'pagefind/fragment/und_1.pf_fragment',
  'pagefind/index/und_2.pf_index',
  'pagefind/filter/und_3.pf_filter',
  'pagefind/pagefind-entry.json',
  'pagefind/pagefind.js',
  'pagefind/pagefind-worker.js',
  'pagefind/pagefind.und_2fbb.pf_meta',
  'pagefind/wasm.unknown.pagefind',
  'sitemap-index.xml',
];

/** The rules of a _headers text: path -> header lines. */
function rules(text: string): Map<string, string[]> {
  const result = new Map<string, string[]>();
  let path = '';
  for (const line of text.trimEnd().split('\n')) {
    if (/^\S/.test(line)) result.set((path = line), []);
    else result.get(path)?.push(line.trim());
  }
  return result;
}

test('security headers once for everything; cache rules that never overlap', () => {
  const found = rules(headersFile(FILES, { base: '/', bundleDir: 'pagefind', assetsDir: '_astro' }));
  expect(found.get('/*')).toEqual([
    `Content-Security-Policy: ${contentSecurityPolicy()}`,
    'X-Content-Type-Options: nosniff',
    'X-Frame-Options: DENY',
    'Referrer-Policy: strict-origin-when-cross-origin',
    'Permissions-Policy: camera=(), microphone=(), geolocation=(), payment=()',
  ]);
  const cache = Object.fromEntries(
    [...found].filter(([path]) => path !== '/*').map(([path, [header]]) => [path, header.replace('Cache-Control: ', '')]),
  );
  expect(cache).toEqual({
    '/': REVALIDATE,
    '/404.html': REVALIDATE,
    '/_astro/*': IMMUTABLE,
    '/feeds.opml': REVALIDATE,
    '/images/*': REVALIDATE,
    '/index.html': REVALIDATE,
    '/news/*': REVALIDATE,
    '/pagefind/filter/*': IMMUTABLE,
    '/pagefind/fragment/*': REVALIDATE,
    '/pagefind/index/*': IMMUTABLE,
    '/pagefind/pagefind-entry.json': REVALIDATE,
    '/pagefind/pagefind-worker.js': REVALIDATE,
    '/pagefind/pagefind.js': REVALIDATE,
    '/pagefind/pagefind.und_2fbb.pf_meta': IMMUTABLE,
    '/pagefind/wasm.unknown.pagefind': REVALIDATE,
    '/sitemap-index.xml': REVALIDATE,
  });
});

test('under a base, with the search page script hashes', () => {
  const files = [
    'index.html',
    'pagefind/pagefind-entry.json',
    'pagefind/fragment/x.pf_fragment',
    'pagefind/index/y.pf_index',
    'pagefind/pages.json',
  ];
  const text = headersFile(files, { base: '/kfq/', bundleDir: 'pagefind', assetsDir: '_astro', scriptHashes: [scriptHash('start()')] });
  expect([...rules(text).keys()]).toEqual([
    '/kfq/*',
    '/kfq/',
    '/kfq/index.html',
    '/kfq/pagefind/fragment/*',
    '/kfq/pagefind/index/*',
    '/kfq/pagefind/pagefind-entry.json',
    '/kfq/pagefind/pages.json',
  ]);
  expect(rules(text).get('/kfq/pagefind/index/*')).toEqual([`Cache-Control: ${IMMUTABLE}`]);
  expect(rules(text).get('/kfq/pagefind/fragment/*')).toEqual([`Cache-Control: ${REVALIDATE}`]);
  expect(rules(text).get('/kfq/pagefind/pages.json')).toEqual([`Cache-Control: ${REVALIDATE}`]);
  expect(text).toContain(`script-src 'self' ${scriptHash('start()')};`);
});

test('scriptHash is the CSP sha256 source of the text', () => {
  // echo -n 'alert(1)' | openssl dgst -sha256 -binary | base64
  expect(scriptHash('alert(1)')).toBe("'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='");
});

test('the CSP forbids inline script, plugins, framing and foreign bases', () => {
  const csp = contentSecurityPolicy();
  expect(csp).not.toMatch(/'unsafe-inline'|'unsafe-eval'/);
  expect(csp).toContain("object-src 'none'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("base-uri 'none'");
});

test('a folder with its own policy has the site CSP detached, and nothing else', () => {
  const text = headersFile(['index.html', 'admin/index.html', 'admin/decap-cms.js'], {
    base: '/kfq/',
    bundleDir: 'pagefind',
    assetsDir: '_astro',
    ownPolicyDirs: ['admin'],
  });
  expect(text).toContain('/kfq/admin/*\n  ! Content-Security-Policy\n');
  expect(text).toContain(`/kfq/admin/*\n  Cache-Control: ${REVALIDATE}\n`);
  expect(text.match(/Content-Security-Policy: /g)).toHaveLength(1);
});
