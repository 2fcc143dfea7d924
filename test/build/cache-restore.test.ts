import { spawnSync } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, expect, test } from 'vitest';
import { buildSite, generateCorpus, listFiles, ROOT, tempDir, type BuildResult } from './helpers';

/**
 * A deploy as CI runs it (.github/workflows/deploy.yml): a fresh checkout of the content (every
 * file new), the cache folder and dist/ of the last build restored from an archive at the same
 * path (new inodes and change times; tar sets the archive's mtimes), one article edited. The
 * guard (src/integrations/kept-output.ts) keeps the restored dist/ by its content, so the build
 * leaves the pages the edit does not touch in place, and writes what a cold build writes.
 */

const NEW_TITLE = '恢复缓存后改过的标题';

let work: string;
let content: string;
let restored: BuildResult;
let cold: BuildResult;
let editedSlug: string;

function build(label: string, target: string): BuildResult {
  const result = buildSite(content, { work: target });
  if (result.status !== 0) throw new Error(`${label} failed:\n${result.output}`);
  return result;
}

function tar(...args: string[]): void {
  const result = spawnSync('tar', args, { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`tar ${args.join(' ')} failed: ${result.stderr}`);
}

/** The pages a build's log says it took from the incremental cache instead of rendering. */
const reused = (build: BuildResult, how: string) => [...build.output.matchAll(new RegExp(`├─ (\\S+) \\(${how}\\)`, 'g'))].map((m) => m[1]);

beforeAll(() => {
  work = tempDir('cache-restore');
  const checkout = join(work, 'checkout');
  cpSync(join(ROOT, 'test/fixtures/site/news'), checkout, { recursive: true });
  cpSync(join(ROOT, 'test/fixtures/site/registry.yaml'), join(work, 'registry.yaml'));
  generateCorpus(join(checkout, 'generated'), 40, 7, join(work, 'registry.yaml'));
  content = join(work, 'content');
  cpSync(checkout, content, { recursive: true });

  build('first build', work);
  tar('-cf', join(work, 'cache.tar'), '-C', work, 'cache', 'dist');

  // A new runner: nothing of the last one but the archive.
  for (const name of ['cache', 'dist', 'content']) rmSync(join(work, name), { recursive: true });
  cpSync(checkout, content, { recursive: true });
  tar('-xf', join(work, 'cache.tar'), '-C', work);

  const generated = readdirSync(join(content, 'generated'), { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.md'))
    .sort();
  const file = join(content, 'generated', generated[Math.floor(generated.length / 2)]);
  editedSlug = file.replace(/^.*\//, '').replace(/\.md$/, '');
  const text = readFileSync(file, 'utf8');
  writeFileSync(file, text.replace(/^title: .*$/m, `title: ${NEW_TITLE}`));

  restored = build('build on the restored cache', work);
  cold = build('cold build', tempDir('cache-restore-cold'));
});

test('keeps the restored dist/ by its content, and leaves the untouched pages in place', () => {
  expect(restored.output).toMatch(/kept .*: new file times, the last build's content \(\d+ files read\)/);
  expect(restored.output).not.toContain('not the output of the last build');
  const cached = reused(restored, 'cached');
  expect(cached.length).toBeGreaterThan(20);
  expect(cached).not.toContain(`/news/${editedSlug}/index.html`);
  expect(reused(restored, 'restored')).toEqual([]);
  expect(readFileSync(join(restored.dist, 'news', editedSlug, 'index.html'), 'utf8')).toContain(NEW_TITLE);
});

test('writes the same files as a cold build of the same content, byte for byte', () => {
  const have = listFiles(restored.dist);
  expect(have).toEqual(listFiles(cold.dist));
  const different = have.filter((file) => !readFileSync(join(restored.dist, file)).equals(readFileSync(join(cold.dist, file))));
  expect(different).toEqual([]);
});
