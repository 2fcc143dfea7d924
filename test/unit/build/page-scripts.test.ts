import { expect, test } from 'vitest';
import { inlineScriptKind, inlineScripts } from '@/lib/build/page-scripts';

test('a script element runs inline unless it has src or a data type', () => {
  expect(inlineScriptKind({})).toBe('code');
  expect(inlineScriptKind({ type: 'module' })).toBe('code');
  expect(inlineScriptKind({ type: 'text/x-unknown' })).toBe('code');
  expect(inlineScriptKind({ type: 'application/ld+json' })).toBe('data');
  expect(inlineScriptKind({ type: 'Application/JSON' })).toBe('data');
  expect(inlineScriptKind({ src: '/a.js' })).toBeUndefined();
  expect(inlineScriptKind({ src: '/a.js', type: 'module' })).toBeUndefined();
});

test('inlineScripts returns the text of every script that runs inline, in page order', () => {
  const html = `<!doctype html><html><head>
    <script type="application/ld+json">{"@type":"WebPage"}</script>
    <script type="module" src="/_astro/search.js"></script>
    <script type="module">import("/a.js")</script>
  </head><body><p>x &amp; y</p><script>if (a < b && c) go()</script></body></html>`;
  expect(inlineScripts(html)).toEqual(['import("/a.js")', 'if (a < b && c) go()']);
  expect(inlineScripts('<p>no script</p>')).toEqual([]);
});
