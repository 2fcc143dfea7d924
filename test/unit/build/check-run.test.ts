import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { checkRunKey, folderSignature, keepRun, keptRun } from '../../../src/lib/build/check-run.ts';

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function setUp(): { content: string; registry: string; key: () => string } {
  dir = mkdtempSync(join(tmpdir(), 'check-run-'));
  const content = join(dir, 'news');
  mkdirSync(join(content, '2024'), { recursive: true });
  writeFileSync(join(content, '2024', 'a.md'), '---\ntitle: 甲\n---\n');
  const registry = join(dir, 'registry.yaml');
  writeFileSync(registry, 'regions: []\n');
  const key = () => checkRunKey({ code: 'c1', folders: [content], files: [registry, join(dir, 'slugs.lock')], options: ['text'] });
  return { content, registry, key };
}

describe('the key of a check run', () => {
  test('the same while nothing changed; another when a file is added, rewritten or touched, or the registry changes', () => {
    const { content, registry, key } = setUp();
    const first = key();
    expect(key()).toBe(first);
    writeFileSync(join(content, '2024', 'b.md'), 'x');
    const added = key();
    expect(added).not.toBe(first);
    utimesSync(join(content, '2024', 'b.md'), new Date(2030, 0, 1), new Date(2030, 0, 1));
    expect(key()).not.toBe(added);
    const touched = key();
    writeFileSync(registry, 'regions: [盐城]\n');
    expect(key()).not.toBe(touched);
  });

  test('code and options count; a missing folder is no files', () => {
    const { content } = setUp();
    const base = { folders: [content], files: [], options: ['text'] };
    expect(checkRunKey({ ...base, code: 'c1' })).not.toBe(checkRunKey({ ...base, code: 'c2' }));
    expect(checkRunKey({ ...base, code: 'c1' })).not.toBe(checkRunKey({ ...base, code: 'c1', options: ['json'] }));
    expect(folderSignature(join(dir, 'nowhere'))).toBe('');
  });
});

describe('a kept run', () => {
  test('is replayed under its key until its first scheduled article is due', () => {
    setUp();
    const file = join(dir, 'cache', 'run.json');
    keepRun(file, { key: 'k', validUntil: 2000, stdout: 'ok\n', stderr: '', status: 0 });
    expect(keptRun(file, 'k', 1999)?.stdout).toBe('ok\n');
    expect(keptRun(file, 'k', 2000)).toBeUndefined();
    expect(keptRun(file, 'other', 1000)).toBeUndefined();
    keepRun(file, { key: 'k', stdout: 'ok\n', stderr: '', status: 1 });
    expect(keptRun(file, 'k', Number.MAX_SAFE_INTEGER)?.status).toBe(1);
    expect(keptRun(join(dir, 'none.json'), 'k', 0)).toBeUndefined();
  });
});
