import { appendFileSync, cpSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { buildSite, copyProject, generateCorpus, ROOT } from './helpers';

/**
 * A cache key covers the code that shapes what it caches and nothing else: an edit in feed or
 * audit code renders no article, re-indexes no search shard and leaves every article page in
 * place; an edit in search code re-indexes the shards and nothing more; an edit in the Markdown
 * renderer or the schema renders every article again. The keys: the content digest
 * (src/loaders/news.ts), the search shards' (src/integrations/pagefind.ts), Astro's dependency
 * hash of each route (pages import no RSS mapping, src/lib/feeds/feed-links.ts).
 *
 * The edits go to a copy of the project (other test files build from this src/ at the same time);
 * each one adds an exported function, a change to the code (not only a comment) that reaches no
 * output, and the next build is read: how many articles the loader rendered and shards the search
 * index re-indexed (DEVZONE_BUILD_STATS), and which pages Astro took from its cache (the log).
 */

let project: string;
let content: string;
let builds = 0;

interface Build {
  output: string;
  /** The loader's and the search index's lines of DEVZONE_BUILD_STATS. */
  render: { rendered: number; articles: number };
  search: { shards: number; reindexed: number };
  /** Article pages in the output, and those Astro took from its cache instead of rendering. */
  articlePages: string[];
  cachedPages: Set<string>;
}

function build(label: string): Build {
  const stats = join(project, `stats-${++builds}.jsonl`);
  const result = buildSite(content, {
    project,
    work: project,
    // Several search shards, so that "every shard" is not "the one shard".
    env: { DEVZONE_BUILD_STATS: stats, DEVZONE_SEARCH_SHARD_CAP: '12' },
  });
  if (result.status !== 0) throw new Error(`${label} failed:\n${result.output}`);
  const lines = readFileSync(stats, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, number | string>);
  const stage = (name: string) => lines.find((line) => line.stage === name) ?? {};
  const { rendered, articles } = stage('render');
  const { shards, reindexed } = stage('search');
  const news = join(result.dist, 'news');
  return {
    output: result.output,
    render: { rendered: Number(rendered), articles: Number(articles) },
    search: { shards: Number(shards), reindexed: Number(reindexed) },
    articlePages: readdirSync(news, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && entry.name !== 'page' && existsSync(join(news, entry.name, 'index.html')))
      .map((entry) => `/news/${entry.name}/index.html`),
    cachedPages: new Set([...result.output.matchAll(/├─ (\S+) \(cached\)/g)].map((match) => match[1])),
  };
}

/** Adds an exported function to `file` of the copy: code that changes, and that no page or feed shows. */
function editCode(file: string): void {
  appendFileSync(join(project, file), `\nexport function cacheScopeEdit${builds}(): string {\n  return 'edit ${builds}';\n}\n`);
}

let cold: Build;

beforeAll(() => {
  project = copyProject('cache-scope');
  content = join(project, 'content', 'news');
  cpSync(join(ROOT, 'test/fixtures/site/news'), content, { recursive: true });
  cpSync(join(ROOT, 'test/fixtures/site/registry.yaml'), join(project, 'content', 'registry.yaml'));
  generateCorpus(join(content, 'generated'), 40, 3, join(project, 'content', 'registry.yaml'));
  cold = build('cold build');
});

test('the cold build renders every article and indexes every shard', () => {
  expect(cold.render.articles).toBeGreaterThan(40);
  expect(cold.render.rendered).toBe(cold.render.articles);
  expect(cold.output).toContain(`rendered ${cold.render.articles} of ${cold.render.articles} articles`);
  expect(cold.search.shards).toBeGreaterThan(1);
  expect(cold.search.reindexed).toBe(cold.search.shards);
  expect(cold.articlePages.length).toBeGreaterThan(30);
  expect(cold.cachedPages.size).toBe(0);
});

/** Edits `file` and builds, in a beforeAll of the describe it is called in. */
function afterEdit(file: string): () => Build {
  let result: Build | undefined;
  beforeAll(() => {
    editCode(file);
    result = build(`the build after an edit of ${file}`);
  });
  return () => {
    if (!result) throw new Error('not built');
    return result;
  };
}

/** Every article page of `built` was taken from Astro's cache. */
function expectArticlePagesReused(built: Build): void {
  expect(built.articlePages.length).toBe(cold.articlePages.length);
  expect(built.articlePages.filter((page) => !built.cachedPages.has(page))).toEqual([]);
}

describe.each([
  ['feed code', 'src/lib/feeds/feed-mapping.ts'],
  ['audit code', 'src/lib/audit/rules.ts'],
])('after an edit in %s', (_name, file) => {
  const built = afterEdit(file);

  test('no article is rendered, no shard re-indexed, every article page reused', () => {
    expect(built().render).toEqual({ ...cold.render, rendered: 0 });
    expect(built().search).toEqual({ shards: cold.search.shards, reindexed: 0 });
    expectArticlePagesReused(built());
  });
});

describe('after an edit in search code', () => {
  const built = afterEdit('src/lib/search/records.ts');

  test('every shard is re-indexed, no article rendered, every article page reused', () => {
    expect(built().search).toEqual({ shards: cold.search.shards, reindexed: cold.search.shards });
    expect(built().render).toEqual({ ...cold.render, rendered: 0 });
    expectArticlePagesReused(built());
  });
});

describe.each([
  ['the Markdown renderer', 'src/lib/content/markdown.ts'],
  ['the schema', 'src/lib/content/schema.ts'],
])('after an edit in %s', (_name, file) => {
  const built = afterEdit(file);

  test('every article is rendered again, so every article page and shard is made again', () => {
    expect(built().render).toEqual(cold.render);
    expect(built().search).toEqual({ shards: cold.search.shards, reindexed: cold.search.shards });
    expect(built().articlePages.filter((page) => built().cachedPages.has(page))).toEqual([]);
  });
});
