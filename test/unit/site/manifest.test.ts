import { afterEach, expect, test, vi } from 'vitest';
import { PNG_ICONS } from '@/lib/site/icons';
import { manifestJson, webManifest } from '@/lib/site/manifest';

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

test('name, language, colours and the icons meant for it, at their paths', () => {
  const manifest = JSON.parse(manifestJson()) as ReturnType<typeof webManifest>;
  expect(manifest).toMatchObject({
    id: '/',
    name: '开发区新闻 - 开发区招商引资与项目建设资讯',
    short_name: '开发区新闻',
    lang: 'zh-CN',
    start_url: '/',
    scope: '/',
    display: 'minimal-ui',
    theme_color: '#0b4f9c',
    background_color: '#ffffff',
  });
  expect(manifest.icons).toEqual([
    { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
    { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
    { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
  ]);
  expect(manifest.icons).toHaveLength(PNG_ICONS.filter((icon) => icon.manifest).length);
});

test('under a base path, the start URL, scope and icons are under it', async () => {
  vi.resetModules();
  vi.stubEnv('DEVZONE_BASE', '/kfq/');
  const { webManifest: underBase } = await import('@/lib/site/manifest');
  const manifest = underBase();
  expect([manifest.id, manifest.start_url, manifest.scope]).toEqual(['/kfq/', '/kfq/', '/kfq/']);
  expect(manifest.icons.map((icon) => icon.src)).toEqual([
    '/kfq/icons/icon-192.png',
    '/kfq/icons/icon-512.png',
    '/kfq/icons/icon-maskable-512.png',
  ]);
});
