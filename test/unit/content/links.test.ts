import { describe, expect, test } from 'vitest';
import { fileOfPath, judgeLink, linkPath, rebaseUrl, type LinkSite } from '@/lib/content/links';

/** The links rule both the editors' check and the post-build audit apply. */

const ORIGIN = 'https://news.example.org';

describe('linkPath', () => {
  test('root-relative paths are taken as they are, query and fragment dropped, escapes decoded', () => {
    expect(linkPath('/news/a/', '/news/b/', ORIGIN)).toBe('/news/a/');
    expect(linkPath('/news/a/?x=1#top', '/news/b/', ORIGIN)).toBe('/news/a/');
    expect(linkPath('/images/%E5%9B%BE.jpg', '/news/b/', ORIGIN)).toBe('/images/图.jpg');
    expect(linkPath('/images/100%.jpg', '/news/b/', ORIGIN)).toBe('/images/100%.jpg');
  });

  test("relative paths resolve against the page's URL", () => {
    expect(linkPath('images/a.jpg', '/news/a/', ORIGIN)).toBe('/news/a/images/a.jpg');
    expect(linkPath('../b/', '/news/a/', ORIGIN)).toBe('/news/b/');
    expect(linkPath('./../../feeds.opml', '/news/a/', ORIGIN)).toBe('/feeds.opml');
    expect(linkPath('/news/../zones/', '/news/a/', ORIGIN)).toBe('/zones/');
  });

  test("absolute URLs on the site's origin are the site's own", () => {
    expect(linkPath(`${ORIGIN}/news/a/`, '/', ORIGIN)).toBe('/news/a/');
  });

  test('other sites, other schemes, fragments and queries alone are not checked', () => {
    for (const url of ['https://example.net/x', '//example.net/x', 'mailto:a@example.org', 'tel:+861012345678', '#top', '?q=1', '', 'javascript:alert(1)'])
      expect(linkPath(url, '/news/a/', ORIGIN), url).toBeUndefined();
  });
});

describe('judgeLink', () => {
  const site: LinkSite = {
    base: '/kfq/',
    hasFile: (file) => ['index.html', 'news/a/index.html', 'images/a.jpg'].includes(file),
    isHidden: (path) => path === '/kfq/news/draft/',
  };

  test('a path resolves when the output has the file that serves it', () => {
    expect(judgeLink('/kfq/', site)).toBe('ok');
    expect(judgeLink('/kfq/news/a/', site)).toBe('ok');
    expect(judgeLink('/kfq/images/a.jpg', site)).toBe('ok');
    expect(judgeLink('/kfq/news/b/', site)).toBe('missing');
    expect(judgeLink('/kfq/news/a', site)).toBe('missing');
  });

  test('outside the base, and a hidden article before anything else', () => {
    expect(judgeLink('/news/a/', site)).toBe('outside-base');
    expect(judgeLink('/kfq/news/draft/', { ...site, hasFile: () => true })).toBe('hidden');
  });
});

test('fileOfPath and rebaseUrl', () => {
  expect(fileOfPath('/kfq/news/a/', '/kfq/')).toBe('news/a/index.html');
  expect(fileOfPath('/news/a/', '/kfq/')).toBeUndefined();
  expect(rebaseUrl('/images/a.jpg', '/kfq/')).toBe('/kfq/images/a.jpg');
  expect(rebaseUrl('//example.net/a.jpg', '/kfq/')).toBe('//example.net/a.jpg');
  expect(rebaseUrl('images/a.jpg', '/kfq/')).toBe('images/a.jpg');
});
