import { join } from 'node:path';
import { describe, expect, test, vi } from 'vitest';
import { coverFile, coverSizes, coverType } from '@/lib/content/covers';
import { article } from '../helpers';

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

describe('coverSizes', () => {
  const articles = [
    article('a', { cover: '/images/one.jpg' }),
    article('b', { cover: '/images/one.jpg' }),
    article('c', { cover: 'https://cdn.example.org/two.jpg' }),
    article('d', { cover: '/images/missing.jpg' }),
    article('e', { cover: '/images/missing.jpg' }),
    article('f'),
  ];

  test('stats each local file once; remote covers have length 0 (unknown, no network at build)', () => {
    const sizeOf = vi.fn((file: string) => (file.endsWith('one.jpg') ? 1234 : undefined));
    const bytes = coverSizes(articles, PUBLIC, sizeOf);
    expect(bytes.get('/images/one.jpg')).toBe(1234);
    expect(bytes.get('https://cdn.example.org/two.jpg')).toBe(0);
    expect(sizeOf).toHaveBeenCalledTimes(2);
  });

  test('a missing local cover has no length (the content check has refused its article already)', () => {
    const bytes = coverSizes(articles, PUBLIC, () => undefined);
    expect(bytes.has('/images/missing.jpg')).toBe(false);
    expect(bytes.get('https://cdn.example.org/two.jpg')).toBe(0);
  });
});
