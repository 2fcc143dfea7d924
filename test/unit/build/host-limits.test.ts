import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { exceededHostLimits, hostLimitsReport, outputSize } from '@/lib/build/host-limits';
import { outputFiles } from '@/lib/build/output-files';

describe('outputSize', () => {
  test('counts files and bytes, and finds the folder with the most entries, subfolders included', () => {
    const dir = mkdtempSync(join(tmpdir(), 'host-limits-'));
    try {
      const files = {
        'index.html': 10,
        _headers: 5,
        'news/a/index.html': 100,
        'news/b/index.html': 200,
        'news/c/index.html': 1,
        'news/page/2/index.html': 7,
      };
      for (const [file, size] of Object.entries(files)) {
        mkdirSync(dirname(join(dir, file)), { recursive: true });
        writeFileSync(join(dir, file), 'x'.repeat(size));
      }
      // news/ holds no file of its own, only four folders: they are what a per-folder limit counts.
      expect(outputSize(dir, outputFiles(dir))).toEqual({ files: 6, bytes: 323, largestFolder: { path: 'news', entries: 4 } });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('the top folder is named as such', () => {
    expect(hostLimitsReport({ files: 3, bytes: 0, largestFolder: { path: '', entries: 3 } })).toContain('(the top folder has 3)');
  });
});

describe('hostLimitsReport', () => {
  test('one line: files, size and each limit', () => {
    expect(hostLimitsReport({ files: 21_000, bytes: 300 * 1024 ** 2, largestFolder: { path: 'news', entries: 10_001 } })).toBe(
      '21,000 files, 300.0 MB. Cloudflare Pages (Free) 20,000 files: OVER by 1,000; Cloudflare Pages (paid plans) 100,000 files: fits; ' +
        'GitHub Pages 1.00 GB: fits; Netlify 54,000 entries per folder: fits (news/ has 10,001).',
    );
  });

  test('leaves out the per-folder limit when the folders were not counted', () => {
    expect(hostLimitsReport({ files: 10, bytes: 1024 ** 2 })).toBe(
      '10 files, 1.0 MB. Cloudflare Pages (Free) 20,000 files: fits; Cloudflare Pages (paid plans) 100,000 files: fits; GitHub Pages 1.00 GB: fits.',
    );
  });
});

describe('exceededHostLimits', () => {
  test('none at the limits themselves', () => {
    expect(exceededHostLimits({ files: 20_000, bytes: 1024 ** 3, largestFolder: { path: 'news', entries: 54_000 } })).toEqual([]);
  });

  test('each limit one over', () => {
    expect(exceededHostLimits({ files: 100_001, bytes: 1024 ** 3 + 1, largestFolder: { path: 'news', entries: 54_001 } })).toEqual([
      'Cloudflare Pages (Free) 20,000 files: OVER by 80,001',
      'Cloudflare Pages (paid plans) 100,000 files: OVER by 1',
      'GitHub Pages 1.00 GB: OVER',
      'Netlify 54,000 entries per folder: OVER (news/ has 54,001)',
    ]);
  });
});
