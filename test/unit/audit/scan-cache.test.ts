import { appendFileSync, mkdtempSync, readFileSync, renameSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { fileContent, fileIdentity, openScanCache } from '@/lib/audit/scan-cache';

const made: string[] = [];
function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `devzone-${prefix}-`));
  made.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('fileIdentity', () => {
  test('changes when a file is written, even to the same size with its modification time put back', () => {
    const file = join(tempDir('identity'), 'page.html');
    writeFileSync(file, 'aaaa');
    const before = fileIdentity(file);
    expect(fileIdentity(file)).toBe(before);
    writeFileSync(file, 'bbbb');
    utimesSync(file, new Date(0), new Date(0));
    const zeroed = fileIdentity(file);
    writeFileSync(file, 'cccc');
    utimesSync(file, new Date(0), new Date(0));
    expect(fileIdentity(file)).not.toBe(before);
    // Same size and times as the step before: the change time still differs.
    expect(fileIdentity(file)).not.toBe(zeroed);
  });
});

/**
 * The output file a cache test looks up or keeps: each call appends the name to it, so no two calls
 * see the same bytes and only the identity can match (the content fallback has a test of its own).
 */
let out = '';
function at(file: string): string {
  if (!out) out = tempDir('scan-cache-out');
  const path = join(out, file.replace(/\t/g, '_'));
  writeFileSync(path, file, { flag: 'a' });
  return path;
}
afterEach(() => {
  out = '';
});

describe('openScanCache', () => {
  test('gives back what was kept, only for the same identity and version', () => {
    const path = join(tempDir('scan-cache'), 'scans');
    const first = openScanCache(path, 'v1');
    expect(first.lookup('a.html', 'id-a', at('a.html'))).toBeUndefined();
    first.keep('a.html', 'id-a', at('a.html'), '{"type":"text","file":"a.html","text":"tab\\there"}');
    first.keep('b\tc.html', 'id-b', at('b\tc.html'), '{"type":"text","file":"b\\tc.html","text":"x"}');
    first.save();

    const second = openScanCache(path, 'v1');
    expect(second.lookup('a.html', 'id-a', at('a.html'))).toBe('{"type":"text","file":"a.html","text":"tab\\there"}');
    expect(second.lookup('b\tc.html', 'id-b', at('b\tc.html'))).toBe('{"type":"text","file":"b\\tc.html","text":"x"}');
    expect(second.lookup('a.html', 'id-other', at('a.html'))).toBeUndefined();
    expect(second.lookup('missing.html', 'id-a', at('missing.html'))).toBeUndefined();
    // Only what this audit kept is stored for the next one.
    second.keep('a.html', 'id-a2', at('a.html'), '{}');
    second.save();
    const third = openScanCache(path, 'v1');
    expect(third.lookup('a.html', 'id-a2', at('a.html'))).toBe('{}');
    expect(third.lookup('b\tc.html', 'id-b', at('b\tc.html'))).toBeUndefined();
    third.close();

    expect(openScanCache(path, 'v2').lookup('a.html', 'id-a2', at('a.html'))).toBeUndefined();
  });

  test('an audit that stopped leaves the stored scans as they were; a cut line is ignored', () => {
    const path = join(tempDir('scan-cache-stop'), 'scans');
    const first = openScanCache(path, 'v1');
    first.keep('a.html', 'id-a', at('a.html'), '{"a":1}');
    first.keep('b.html', 'id-b', at('b.html'), '{"b":1}');
    first.save();
    const stopped = openScanCache(path, 'v1');
    stopped.keep('a.html', 'id-a', at('a.html'), '{"changed":1}');
    stopped.close();
    const after = openScanCache(path, 'v1');
    expect(after.lookup('a.html', 'id-a', at('a.html'))).toBe('{"a":1}');
    after.close();

    appendFileSync(path, '["c.html","id-c"]\t{"c":');
    const cut = openScanCache(path, 'v1');
    expect(cut.lookup('b.html', 'id-b', at('b.html'))).toBe('{"b":1}');
    expect(cut.lookup('c.html', 'id-c', at('c.html'))).toBeUndefined();
    cut.close();
    expect(readFileSync(path, 'utf8').startsWith('{"version":"v1"}\n')).toBe(true);
  });

  test('gives back the scan of a file with another identity but the same bytes, and of no other', () => {
    const path = join(tempDir('scan-cache-restore'), 'scans');
    const dir = tempDir('scan-cache-files');
    const page = join(dir, 'a.html');
    writeFileSync(page, 'same bytes');
    const first = openScanCache(path, 'v1');
    first.keep('a.html', fileIdentity(page), page, '{"a":1}');
    first.save();

    // A restore: a new file with the same bytes, so a new inode and change time.
    writeFileSync(join(dir, 'copy'), readFileSync(page));
    renameSync(join(dir, 'copy'), page);
    const restored = openScanCache(path, 'v1');
    expect(restored.lookup('a.html', fileIdentity(page), page)).toBe('{"a":1}');
    restored.keep('a.html', fileIdentity(page), page, '{"a":1}');
    restored.save();
    expect(readFileSync(path, 'utf8')).toContain(fileContent(page));

    writeFileSync(page, 'SAME BYTES');
    const edited = openScanCache(path, 'v1');
    expect(edited.lookup('a.html', fileIdentity(page), page)).toBeUndefined();
    edited.close();
  });

  test('without a path nothing is stored', () => {
    const none = openScanCache(undefined, 'v1');
    none.keep('a.html', 'id-a', at('a.html'), '{}');
    none.save();
    expect(none.lookup('a.html', 'id-a', at('a.html'))).toBeUndefined();
  });
});
