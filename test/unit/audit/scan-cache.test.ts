import { appendFileSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { fileIdentity, openScanCache } from '@/lib/audit/scan-cache';

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

describe('openScanCache', () => {
  test('gives back what was kept, only for the same identity and version', () => {
    const path = join(tempDir('scan-cache'), 'scans');
    const first = openScanCache(path, 'v1');
    expect(first.lookup('a.html', 'id-a')).toBeUndefined();
    first.keep('a.html', 'id-a', '{"type":"text","file":"a.html","text":"tab\\there"}');
    first.keep('b\tc.html', 'id-b', '{"type":"text","file":"b\\tc.html","text":"x"}');
    first.save();

    const second = openScanCache(path, 'v1');
    expect(second.lookup('a.html', 'id-a')).toBe('{"type":"text","file":"a.html","text":"tab\\there"}');
    expect(second.lookup('b\tc.html', 'id-b')).toBe('{"type":"text","file":"b\\tc.html","text":"x"}');
    expect(second.lookup('a.html', 'id-other')).toBeUndefined();
    expect(second.lookup('missing.html', 'id-a')).toBeUndefined();
    // Only what this audit kept is stored for the next one.
    second.keep('a.html', 'id-a2', '{}');
    second.save();
    const third = openScanCache(path, 'v1');
    expect(third.lookup('a.html', 'id-a2')).toBe('{}');
    expect(third.lookup('b\tc.html', 'id-b')).toBeUndefined();
    third.close();

    expect(openScanCache(path, 'v2').lookup('a.html', 'id-a2')).toBeUndefined();
  });

  test('an audit that stopped leaves the stored scans as they were; a cut line is ignored', () => {
    const path = join(tempDir('scan-cache-stop'), 'scans');
    const first = openScanCache(path, 'v1');
    first.keep('a.html', 'id-a', '{"a":1}');
    first.keep('b.html', 'id-b', '{"b":1}');
    first.save();
    const stopped = openScanCache(path, 'v1');
    stopped.keep('a.html', 'id-a', '{"changed":1}');
    stopped.close();
    const after = openScanCache(path, 'v1');
    expect(after.lookup('a.html', 'id-a')).toBe('{"a":1}');
    after.close();

    appendFileSync(path, '["c.html","id-c"]\t{"c":');
    const cut = openScanCache(path, 'v1');
    expect(cut.lookup('b.html', 'id-b')).toBe('{"b":1}');
    expect(cut.lookup('c.html', 'id-c')).toBeUndefined();
    cut.close();
    expect(readFileSync(path, 'utf8').startsWith('{"version":"v1"}\n')).toBe(true);
  });

  test('without a path nothing is stored', () => {
    const none = openScanCache(undefined, 'v1');
    none.keep('a.html', 'id-a', '{}');
    none.save();
    expect(none.lookup('a.html', 'id-a')).toBeUndefined();
  });
});
