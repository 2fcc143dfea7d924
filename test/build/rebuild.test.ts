import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { buildSite, generateCorpus, listFiles, ROOT, tempDir, type BuildResult } from './helpers';

/**
 * Rebuilds with dist/ and the caches kept (src/integrations/kept-output.ts) write exactly what a cold
 * build of the same content writes: every file byte for byte, and no file more. One work folder
 * (its dist/ and cache/) goes through a title edit, then articles deleted and one added, then
 * dist/ deleted, dist/ overwritten by a build with another cache, and the cache deleted.
 *
 * The edit changes an article's title, which shows on its own page and also on other articles'
 * pages (上一条 / 下一条, related news), on listings and in feeds: pages whose cache key missed any
 * of that would keep the old title. Deleting articles removes pages (the articles', a listing's
 * last page, a zone's listing and feed) that a kept dist/ still holds from the build before.
 */

const NEW_TITLE = '改过的标题：重建后处处一致';
const PAGE_SIZE = 20; // SITE.pageSize

let work: string;
let content: string;
let first: BuildResult;
let rebuild: BuildResult;
let cold: BuildResult;
let editedSlug: string;

/** Builds `content` into the work folder (dist/ and cache/ kept), failing the test with the log if the build fails. */
function build(label: string, options: { work?: string; content?: string; env?: NodeJS.ProcessEnv } = {}): BuildResult {
  const result = buildSite(options.content ?? content, { work: options.work ?? work, env: options.env });
  if (result.status !== 0) throw new Error(`${label} failed:\n${result.output}`);
  return result;
}

/** A cold build of `content` as it is now, in a folder of its own. */
const coldBuild = (label: string) => build(label, { work: tempDir('rebuild-cold') });

/** The pages a build's log says it took from the incremental cache instead of rendering. */
function reused(build: BuildResult, how = 'cached|restored'): string[] {
  return [...build.output.matchAll(new RegExp(`├─ (\\S+) \\((?:${how})\\)`, 'g'))].map((match) => match[1]);
}

/** The files of `actual` that differ from `expected`'s, and the files only one of them has. */
function differences(actual: string, expected: string): { missing: string[]; extra: string[]; different: string[] } {
  const have = listFiles(actual);
  const want = listFiles(expected);
  const haveSet = new Set(have);
  const wantSet = new Set(want);
  return {
    missing: want.filter((file) => !haveSet.has(file)),
    extra: have.filter((file) => !wantSet.has(file)),
    different: have.filter((file) => wantSet.has(file) && !readFileSync(join(actual, file)).equals(readFileSync(join(expected, file)))),
  };
}

const SAME = { missing: [], extra: [], different: [] };

/** The generated articles' files, sorted, relative to content/generated/. */
function generatedFiles(): string[] {
  return readdirSync(join(content, 'generated'), { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.md'))
    .sort();
}

const slugOf = (file: string) => file.replace(/^.*\//, '').replace(/\.md$/, '');
const zoneOf = (file: string) => /^zone: (.*)$/m.exec(readFileSync(file, 'utf8'))?.[1];
/** Article pages of a built site: every folder under news/ but the pager's. */
const articlePages = (dist: string) =>
  readdirSync(join(dist, 'news'), { withFileTypes: true }).filter((entry) => entry.isDirectory() && entry.name !== 'page');
const newsPages = (dist: string) => listFiles(dist).filter((file) => /^news\/(page\/\d+\/)?index\.html$/.test(file));

beforeAll(() => {
  work = tempDir('rebuild');
  content = join(work, 'content');
  cpSync(join(ROOT, 'test/fixtures/site/news'), content, { recursive: true });
  cpSync(join(ROOT, 'test/fixtures/site/registry.yaml'), join(work, 'registry.yaml'));
  generateCorpus(join(content, 'generated'), 40, 5, join(work, 'registry.yaml'));

  first = build('first build');

  // A generated article in the middle of the archive: it has neighbours and related news.
  const files = generatedFiles();
  const file = join(content, 'generated', files[Math.floor(files.length / 2)]);
  editedSlug = slugOf(file);
  const text = readFileSync(file, 'utf8');
  const edited = text.replace(/^title: .*$/m, `title: ${NEW_TITLE}`);
  expect(edited).not.toBe(text);
  writeFileSync(file, edited);

  rebuild = build('rebuild');
  cold = coldBuild('cold build');
});

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

  test('leaves the pages the edit does not touch in place, and renders the edited one', () => {
    expect(reused(first)).toEqual([]);
    const taken = reused(rebuild, 'cached');
    expect(taken.length).toBeGreaterThan(20);
    expect(existsSync(join(first.dist, 'news', editedSlug, 'index.html'))).toBe(true);
    expect(taken).not.toContain(`/news/${editedSlug}/index.html`);
    expect(reused(rebuild, 'restored')).toEqual([]);
  });

  test('writes the same files as a cold build of the edited content, byte for byte', () => {
    expect(differences(rebuild.dist, cold.dist)).toEqual(SAME);
  });
});

describe('rebuild after articles are deleted and one is added', () => {
  let before: string[];
  let after: BuildResult;
  let coldAfter: BuildResult;
  let added: string;
  let goneZone: string;

  beforeAll(() => {
    // The work folder's dist/ is rewritten by each build below; the cold build shows what it held.
    before = listFiles(cold.dist);
    // Keep this state for the last scenario.
    cpSync(content, join(work, 'content-edited'), { recursive: true });

    // Every article of the zone with the fewest generated articles and none among the fixtures:
    // its listing and feed go away.
    const generated = generatedFiles().map((file) => join(content, 'generated', file));
    const fixtureZones = new Set(
      readdirSync(content, { recursive: true, encoding: 'utf8' })
        .filter((name) => name.endsWith('.md') && !name.startsWith('generated'))
        .map((name) => zoneOf(join(content, name))),
    );
    const byZone = Map.groupBy(
      generated.filter((file) => !fixtureZones.has(zoneOf(file)) && existsSync(join(cold.dist, 'news', slugOf(file)))),
      (file) => zoneOf(file) ?? '',
    );
    const [zone, zoneFiles] = [...byZone].sort((a, b) => a[1].length - b[1].length)[0];
    goneZone = zone;
    const deleted = new Set(zoneFiles);
    // Then the oldest published ones until /news/ has a page less, counting the one added.
    const visible = articlePages(cold.dist).length;
    const wanted = Math.ceil(visible / PAGE_SIZE) - 1;
    for (const file of generated) {
      if (Math.ceil((visible - deleted.size + 1) / PAGE_SIZE) <= wanted) break;
      if (existsSync(join(cold.dist, 'news', slugOf(file)))) deleted.add(file);
    }
    for (const file of deleted) rmSync(file);

    // A new article, the newest of all: every listing it is on shifts by one. Its place and body
    // come from a published article (only those fields: some generated ones are drafts).
    const template = readFileSync(
      generated.find((file) => !deleted.has(file) && existsSync(join(cold.dist, 'news', slugOf(file)))) ?? '',
      'utf8',
    );
    const field = (name: string) => new RegExp(`^${name}: .*$`, 'm').exec(template)?.[0] ?? '';
    added = '2026-11-05-xinzeng-99999';
    writeFileSync(
      join(content, 'generated', `${added}.md`),
      [
        '---',
        'title: 新增的一条新闻',
        'date: 2026-11-05 09:00',
        field('source'),
        field('zone'),
        field('region'),
        'type: 文字新闻',
        '---',
        template.split(/^---$/m)[2],
      ].join('\n'),
    );

    after = build('rebuild after deletions');
    coldAfter = coldBuild('cold build after deletions');
  });

  test('the change removes pages a kept dist/ still holds: articles, a listing page, a zone and its feed', () => {
    const now = new Set(listFiles(coldAfter.dist));
    const removed = before.filter((file) => !now.has(file));
    expect(removed.some((file) => /^news\/page\/\d+\/index\.html$/.test(file))).toBe(true);
    expect(newsPages(coldAfter.dist).length).toBe(newsPages(cold.dist).length - 1);
    expect(removed.filter((file) => /^zones\/[^/]+\/rss\.xml$/.test(file)).length).toBeGreaterThan(0);
    expect(readFileSync(join(cold.dist, 'zones', 'index.html'), 'utf8')).toContain(goneZone);
    expect(removed.filter((file) => /^news\/[^/]+\/index\.html$/.test(file)).length).toBeGreaterThan(1);
    expect(now.has(`news/${added}/index.html`)).toBe(true);
  });

  test('writes the same files as a cold build, and no other', () => {
    expect(reused(after, 'cached').length).toBeGreaterThan(20);
    expect(differences(after.dist, coldAfter.dist)).toEqual(SAME);
  });

  describe('with dist/ deleted and the cache kept', () => {
    let restored: BuildResult;
    beforeAll(() => {
      rmSync(after.dist, { recursive: true });
      restored = build('rebuild without dist/');
    });

    test('restores unchanged pages from the cache and writes what a cold build writes', () => {
      expect(reused(restored, 'restored').length).toBeGreaterThan(20);
      expect(differences(restored.dist, coldAfter.dist)).toEqual(SAME);
    });
  });

  describe('with dist/ written by a build with another cache', () => {
    let again: BuildResult;
    beforeAll(() => {
      // The earlier content, built into the same dist/ with a cache of its own: every page this
      // work folder's cache would skip is there, with other content.
      build('build with another cache', { content: join(work, 'content-edited'), env: { DEVZONE_CACHE_DIR: join(work, 'other-cache') } });
      again = build('rebuild after the other build');
    });

    test('empties dist/ first and writes what a cold build writes', () => {
      expect(differences(again.dist, coldAfter.dist)).toEqual(SAME);
      expect(again.output).toContain('not the output of the last build with this cache');
      expect(reused(again, 'cached')).toEqual([]);
    });
  });

  describe('with the cache deleted and dist/ kept', () => {
    let uncached: BuildResult;
    beforeAll(() => {
      // Back to the edited content: the kept dist/ has the deleted articles' pages missing and the added one's extra.
      rmSync(join(work, 'cache'), { recursive: true });
      rmSync(content, { recursive: true });
      cpSync(join(work, 'content-edited'), content, { recursive: true });
      uncached = build('rebuild without the cache');
    });

    test('writes what a cold build of that content writes', () => {
      expect(reused(uncached)).toEqual([]);
      expect(differences(uncached.dist, cold.dist)).toEqual(SAME);
    });
  });
});
