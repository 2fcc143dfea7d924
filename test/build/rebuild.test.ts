import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { buildSite, generateCorpus, listFiles, ROOT, tempDir, type BuildResult } from './helpers';

/**
 * A rebuild after one edit reuses unchanged pages from the incremental-build cache, yet writes
 * exactly what a cold build of the edited content writes. The edit changes an article's title,
 * which shows on its own page and also on other articles' pages (上一条 / 下一条, related news),
 * on listings and in feeds: pages whose cache key missed any of that would keep the old title.
 */

const NEW_TITLE = '改过的标题：重建后处处一致';

let content: string;
let first: BuildResult;
let rebuild: BuildResult;
let cold: BuildResult;
let editedSlug: string;

beforeAll(() => {
  const work = tempDir('rebuild');
  content = join(work, 'content');
  cpSync(join(ROOT, 'test/fixtures/site/news'), content, { recursive: true });
  cpSync(join(ROOT, 'test/fixtures/site/registry.yaml'), join(work, 'registry.yaml'));
  generateCorpus(join(content, 'generated'), 40, 5, join(work, 'registry.yaml'));

  first = buildSite(content, { work });
  if (first.status !== 0) throw new Error(`first build failed:\n${first.output}`);

  // A generated article in the middle of the archive: it has neighbours and related news.
  const files = readdirSync(join(content, 'generated'), { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.md'))
    .sort();
  const file = join(content, 'generated', files[Math.floor(files.length / 2)]);
  editedSlug = file.replace(/^.*\//, '').replace(/\.md$/, '');
  const text = readFileSync(file, 'utf8');
  const edited = text.replace(/^title: .*$/m, `title: ${NEW_TITLE}`);
  expect(edited).not.toBe(text);
  writeFileSync(file, edited);

  rebuild = buildSite(content, { work });
  if (rebuild.status !== 0) throw new Error(`rebuild failed:\n${rebuild.output}`);
  cold = buildSite(content, { work: tempDir('rebuild-cold') });
  if (cold.status !== 0) throw new Error(`cold build failed:\n${cold.output}`);
});

/** The pages a build's log says it took from the incremental cache instead of rendering. */
function reused(build: BuildResult): string[] {
  return [...build.output.matchAll(/├─ (\S+) \((?:cached|restored)\)/g)].map((match) => match[1]);
}

describe('rebuild after one edit', () => {
  test('the edited title shows on other pages and feeds too', () => {
    const showing = listFiles(cold.dist).filter((file) => {
      if (file.startsWith(`news/${editedSlug}/`)) return false;
      return /\.(html|xml)$/.test(file) && readFileSync(join(cold.dist, file), 'utf8').includes(NEW_TITLE);
    });
    expect(showing.some((file) => /^news\/[^/]+\/index\.html$/.test(file))).toBe(true); // a neighbour or related
    expect(showing.some((file) => file.endsWith('rss.xml'))).toBe(true);
    expect(showing.some((file) => /^(news|zones|regions)\/(.+\/)?index\.html$/.test(file) && !file.startsWith('news/2'))).toBe(true);
  });

  test('reuses the pages the edit does not touch, and renders the edited one', () => {
    expect(reused(first)).toEqual([]);
    const taken = reused(rebuild);
    expect(taken.length).toBeGreaterThan(20);
    expect(taken).not.toContain(`/news/${editedSlug}/index.html`);
  });

  test('writes the same files as a cold build of the edited content, byte for byte', () => {
    const files = listFiles(rebuild.dist);
    expect(files).toEqual(listFiles(cold.dist));
    const different = files.filter((file) => !readFileSync(join(rebuild.dist, file)).equals(readFileSync(join(cold.dist, file))));
    expect(different).toEqual([]);
  });
});
