import { afterEach, expect, test, vi } from 'vitest';

/** SITE as a build with these variables sees it (src/site.config.ts reads them once, on import). */
async function siteWith(env: Record<string, string>) {
  vi.resetModules();
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
  return (await import('@/site.config')).SITE;
}

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

test.each([
  ['kfq', '/kfq/'],
  ['/kfq', '/kfq/'],
  ['/kfq/', '/kfq/'],
  ['/a/b/', '/a/b/'],
  ['/', '/'],
  ['', '/'],
])('DEVZONE_BASE=%j is the base %s', async (value, base) => {
  expect((await siteWith({ DEVZONE_BASE: value })).base).toBe(base);
});

test.each(['../x', '/a b/', 'https://example.org/kfq/', '/kfq/./x', '/中文/'])('DEVZONE_BASE=%j stops the build', async (value) => {
  await expect(siteWith({ DEVZONE_BASE: value })).rejects.toThrow('DEVZONE_BASE must be a path such as /kfq/');
});

test('DEVZONE_SITE_URL is an origin; a path in it stops the build', async () => {
  expect((await siteWith({ DEVZONE_SITE_URL: 'https://example.org/' })).url).toBe('https://example.org');
  await expect(siteWith({ DEVZONE_SITE_URL: 'https://example.org/kfq/' })).rejects.toThrow('DEVZONE_SITE_URL must be an origin');
  await expect(siteWith({ DEVZONE_SITE_URL: 'example.org' })).rejects.toThrow('DEVZONE_SITE_URL must be an origin');
});
