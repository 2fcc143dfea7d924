import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { expect, test } from 'vitest';
import { fileOfPath, outputFiles, pagePathOf } from '@/lib/build/output-files';

test('outputFiles lists every file below the folder, relative with / separators, sorted', () => {
  const dir = mkdtempSync(join(tmpdir(), 'output-files-'));
  try {
    // feeds.opml sorts before feeds/: a folder's files are not simply listed after its name.
    for (const file of ['news/b/index.html', 'index.html', '_headers', 'news/a/index.html', 'feeds/index.html', 'feeds.opml']) {
      mkdirSync(dirname(join(dir, file)), { recursive: true });
      writeFileSync(join(dir, file), file);
    }
    mkdirSync(join(dir, 'empty'));
    expect(outputFiles(dir)).toEqual([
      '_headers',
      'feeds.opml',
      'feeds/index.html',
      'index.html',
      'news/a/index.html',
      'news/b/index.html',
    ]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('page paths and files', () => {
  expect(pagePathOf('index.html', '/kfq/')).toBe('/kfq/');
  expect(pagePathOf('news/a/index.html', '/')).toBe('/news/a/');
  expect(pagePathOf('404.html', '/')).toBe('/404.html');
  expect(fileOfPath('/kfq/news/a/', '/kfq/')).toBe('news/a/index.html');
  expect(fileOfPath('/kfq/', '/kfq/')).toBe('index.html');
  expect(fileOfPath('/kfq/rss.xsl', '/kfq/')).toBe('rss.xsl');
  expect(fileOfPath('/news/', '/kfq/')).toBeUndefined();
});
