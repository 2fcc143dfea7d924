import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { coverFile, coverType } from '@/lib/content/covers';

const PUBLIC = '/site/public';

describe('coverType', () => {
  test('by extension, ignoring case and query', () => {
    expect(coverType('/images/a.JPG')).toBe('image/jpeg');
    expect(coverType('/images/a.svg')).toBe('image/svg+xml');
    expect(coverType('https://cdn.example.org/a.webp?x=1')).toBe('image/webp');
  });

  test('an unknown extension is announced as a generic file, not guessed', () => {
    expect(coverType('https://cdn.example.org/picture?id=3')).toBe('application/octet-stream');
  });
});

describe('coverFile', () => {
  test('a local cover is a file under public/, with escapes decoded', () => {
    expect(coverFile(PUBLIC, '/images/covers/cover-01.svg')).toBe(join(PUBLIC, 'images/covers/cover-01.svg'));
    expect(coverFile(PUBLIC, '/images/%E5%8E%82%E6%88%BF.jpg?v=2')).toBe(join(PUBLIC, 'images/厂房.jpg'));
  });

  test('a path cannot climb out of public/', () => {
    // URL parsing already folds `..` and `%2E%2E` segments at the root…
    expect(coverFile(PUBLIC, '/../secret.jpg')).toBe(join(PUBLIC, 'secret.jpg'));
    expect(coverFile(PUBLIC, '/%2E%2E/secret.jpg')).toBe(join(PUBLIC, 'secret.jpg'));
    // …but an escaped slash only becomes one after decoding.
    expect(coverFile(PUBLIC, '/images/..%2F..%2F..%2Fetc/passwd')).toBeUndefined();
    expect(coverFile(PUBLIC, '/')).toBeUndefined();
  });
});
