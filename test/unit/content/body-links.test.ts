import { expect, test } from 'vitest';
import { bodyLinks } from '@/lib/content/body-links';

/** The links and images a body's page will have, as the renderer's parser reads the Markdown. */

test('Markdown links and images, with their lines in the body', () => {
  expect(bodyLinks('正文。\n\n![图](images/a.jpg "题")\n见[上一篇](/news/b/)。')).toEqual([
    { kind: 'image', url: 'images/a.jpg', line: 3 },
    { kind: 'link', url: '/news/b/', line: 4 },
  ]);
});

test('a reference has its definition\'s URL, on the definition\'s line; an unused definition is no link', () => {
  expect(bodyLinks('[甲][a] ![乙][b]\n\n[a]: /news/a/\n[b]: /b.jpg\n[c]: /unused/')).toEqual([
    { kind: 'link', url: '/news/a/', line: 3 },
    { kind: 'image', url: '/b.jpg', line: 4 },
  ]);
});

test('raw HTML: <a href> and <img src>, entities decoded, on the line of their tag', () => {
  expect(bodyLinks('<p>\n<a href="/a/?x=1&amp;y=2">甲</a>\n<img\n src=\'b.jpg\'></p>')).toEqual([
    { kind: 'link', url: '/a/?x=1&y=2', line: 2 },
    { kind: 'image', url: 'b.jpg', line: 3 },
  ]);
});

test('code is not a link, and a body without `]` or `<` is not parsed', () => {
  expect(bodyLinks('```\n[a](/a/)\n```\n\n`<a href="/b/">`\n\n    [c](/c/)')).toEqual([]);
  expect(bodyLinks('纯文本，http://example.org/ 自动链接')).toEqual([]);
});
