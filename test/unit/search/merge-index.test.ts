import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { fragmentJson } from '@/lib/audit/scan';
import { CborReader, CborWriter } from '@/lib/search/cbor';
import { mergeBundles, type ShardBundle } from '@/lib/search/merge-bundle';
import {
  entryKeys,
  groupChunk,
  pagefindData,
  PositionKeys,
  positionKey,
  readChunk,
  readMeta,
  trimChunkNames,
  type PageRun,
} from '@/lib/search/merge-index';
import { withoutSignature, wordPages } from '@/lib/search/index-reader';
import { indexTokens } from '@/lib/search/tokens';

// Pagefind's own index of a set of pages is the reference: the same pages indexed in three
// shards and merged must give the same index, word for word and page for page.

/** Small chunks, so that the merge has to cut chunks as Pagefind does. */
const CHUNK_SIZE = 40;

const TEXTS = [
  '盐城经济技术开发区 招商引资 签约 12 个项目',
  '南京江宁开发区 高质量发展 产业集群 café',
  '苏州工业园区 招商引资 集成电路 产业集群',
  '合肥高新区 科技创新 高质量发展 cafe',
  '无锡经开区 招商引资 高质量发展 2024年',
  '盐城 产业集群 集成电路 科技创新 招商',
  '常州 集成电路 高新区',
];

/** A page as the build gives it to Pagefind: search tokens, and metadata that differs between pages. */
function page(text: string, i: number): { url: string; content: string } {
  const image = i % 3 === 0 ? `<meta data-pagefind-meta="image[content]" content="/images/${i}.webp">` : '';
  return {
    url: `/news/${i}/`,
    content:
      `<!doctype html><html lang="und"><head><meta data-pagefind-meta="title[content]" content="标题 ${i}">${image}</head>` +
      `<body data-pagefind-body><p>${indexTokens(text).join(' ')}</p></body></html>`,
  };
}

async function indexPages(pages: { url: string; content: string }[], out: string): Promise<void> {
  process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE = String(CHUNK_SIZE);
  const { index } = await pagefind.createIndex({});
  if (!index) throw new Error('no index');
  for (const each of pages) {
    const { errors } = await index.addHTMLFile(each);
    expect(errors).toEqual([]);
  }
  expect((await index.writeFiles({ outputPath: out })).errors).toEqual([]);
  await pagefind.close();
}

/** A run's pages: each page's number and the rest of its entry, as hex. */
function entries(run: PageRun): { page: number; body: string }[] {
  const reader = new CborReader(run.bytes, run.firstBody);
  const found: { page: number; body: string }[] = [];
  let page = run.first;
  let items = run.firstItems;
  for (let i = 0; i < run.count; i++) {
    if (i > 0) {
      items = reader.array();
      page += reader.unsigned();
    }
    found.push({ page, body: Buffer.from(reader.raw(items - 1)).toString('hex') });
  }
  expect(page).toBe(run.last);
  expect(reader.at).toBe(run.end);
  return found;
}

interface Decoded {
  pages: string[];
  words: Map<string, string>;
  chunks: { from: string; to: string }[];
  fields: string[];
}

/** An index as URLs: each word's pages by URL with their positions as written, and its chunk boundaries. */
function decode(dir: string): Decoded {
  const entry = JSON.parse(readFileSync(join(dir, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { hash: string }> };
  const name = `pagefind.${Object.values(entry.languages)[0].hash}.pf_meta`;
  const meta = readMeta(pagefindData(readFileSync(join(dir, name)), name), name);
  const urls = meta.pages.map(({ hash }) => {
    const json = fragmentJson(readFileSync(join(dir, 'fragment', `${hash}.pf_fragment`)));
    return (JSON.parse(json ?? '{}') as { url: string }).url;
  });
  const words = new Map<string, string>();
  for (const chunk of meta.chunks) {
    const file = join(dir, 'index', `${chunk.hash}.pf_index`);
    for (const word of readChunk(pagefindData(readFileSync(file), file))) {
      const pages = (run: PageRun) =>
        entries(run)
          .map(({ page, body }) => `${urls[page]}:${body}`)
          .sort();
      const variants = word.variants.map((variant) => `${variant.form}=${pages(variant.pages).join(',')}`).sort();
      words.set(word.word, `${pages(word.pages).join(',')}|${variants.join(';')}`);
    }
  }
  return { pages: [...urls].sort(), words, chunks: meta.chunks.map(({ from, to }) => ({ from, to })), fields: meta.fields };
}

/** A shard's bundle with its pages named `prefix0`, `prefix1`, … in its own order. */
function named(dir: string, prefix: string): ShardBundle {
  const entry = JSON.parse(readFileSync(join(dir, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { hash: string }> };
  const name = `pagefind.${Object.values(entry.languages)[0].hash}.pf_meta`;
  const meta = readMeta(pagefindData(readFileSync(join(dir, name)), name), name);
  return { dir, names: new Map(meta.pages.map(({ hash }, i) => [hash, `${prefix}${i}`])) };
}

let work: string;
let whole: Decoded;
let merged: Decoded;
let first: Awaited<ReturnType<typeof mergeBundles>>;
let shards: ShardBundle[];

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'devzone-merge-'));
  const pages = TEXTS.map(page);
  await indexPages(pages, join(work, 'whole'));
  // Shards as the build cuts them: consecutive runs of pages, newest first.
  const parts = [pages.slice(0, 3), pages.slice(3, 5), pages.slice(5)];
  for (const [i, part] of parts.entries()) await indexPages(part, join(work, `shard-${i}`));
  shards = parts.map((_, i) => named(join(work, `shard-${i}`), `${i}-`));
  first = await mergeBundles(shards, join(work, 'merged'), { chunkSize: CHUNK_SIZE, keep: ['pages.json'] });
  whole = decode(join(work, 'whole'));
  merged = decode(join(work, 'merged'));
}, 60_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('merging shards into one Pagefind index', () => {
  test("is Pagefind's own index of all the pages: every word with the same pages and positions", () => {
    expect(merged.pages).toEqual(whole.pages);
    expect(merged.words.size).toBeGreaterThan(40);
    expect([...merged.words.keys()].sort()).toEqual([...whole.words.keys()].sort());
    for (const [word, pages] of whole.words) expect(merged.words.get(word), word).toBe(pages);
    // Metadata words, whose field numbers differ between shards (only some have an image).
    expect(merged.fields).toEqual(whole.fields);
    expect(merged.fields).toContain('image');
  });

  test('cuts and names the chunks as Pagefind does', () => {
    expect(whole.chunks.length).toBeGreaterThan(3);
    expect(merged.chunks).toEqual(whole.chunks);
  });

  test("a word's diacritic variants are kept (café beside cafe)", () => {
    expect(whole.words.get('cafe')).toContain('café=');
    expect(merged.words.get('cafe')).toBe(whole.words.get('cafe'));
  });

  test('writes the bundle the search page loads, with Pagefind and every page', () => {
    const files = readdirSync(join(work, 'merged')).sort();
    expect(files).toEqual(expect.arrayContaining(['fragment', 'index', 'pagefind-entry.json', 'pagefind-worker.js', 'pagefind.js']));
    const entry = JSON.parse(readFileSync(join(work, 'merged', 'pagefind-entry.json'), 'utf8')) as {
      languages: { und: { page_count: number; hash: string } };
    };
    expect(entry.languages.und.page_count).toBe(TEXTS.length);
    expect(readdirSync(join(work, 'merged', 'fragment'))).toHaveLength(TEXTS.length);
    expect(first.written).toBe(first.chunks.length);
    // Each chunk with the size of its file, for the search page to weigh a phrase's bigrams by.
    for (const { hash, bytes } of first.chunks) expect(bytes).toBe(statSync(join(work, 'merged', 'index', `${hash}.pf_index`)).size);
    // The metadata keeps each page's word count as Pagefind wrote it.
    const name = `pagefind.${entry.languages.und.hash}.pf_meta`;
    const meta = readMeta(pagefindData(readFileSync(join(work, 'merged', name)), name), name);
    expect(meta.pages.map(({ rest }) => new CborReader(rest).unsigned())).toEqual(TEXTS.map((text) => indexTokens(text).length));
  });

  test('a second merge of the same shards writes no chunk again; files it no longer has are removed', async () => {
    const shards = [0, 1, 2].map((i) => named(join(work, `shard-${i}`), `${i}-`));
    const again = await mergeBundles(shards, join(work, 'merged'), { chunkSize: CHUNK_SIZE, keep: [] });
    expect(again.written).toBe(0);
    expect(decode(join(work, 'merged')).words).toEqual(merged.words);
    // Without the first shard: its pages and the chunks only it had are gone.
    const fewer = await mergeBundles(shards.slice(1), join(work, 'merged'), { chunkSize: CHUNK_SIZE, keep: [] });
    expect(readdirSync(join(work, 'merged', 'fragment'))).toHaveLength(TEXTS.length - 3);
    expect(readdirSync(join(work, 'merged', 'index'))).toHaveLength(fewer.chunks.length);
  });

  test('the words after a common start that span several chunks are also written as one file (a group)', async () => {
    // Grouped by their first two characters and their first three, one group within the other
    // (the build groups by the search words tokens.ts prefixTerms names; test words have three digits a character).
    const firstCharacters = (word: string) =>
      /^q[0-9a-y]+$/.test(word) ? [7, 10].filter((end) => word.length >= end).map((end) => word.slice(0, end)) : [];
    const out = join(work, 'grouped');
    // Words that share their first three characters as well as their first two.
    const nested = ['昆山经济技术开发区建设', '经济技术开发区招商 经济技术', '经济技术开发区 产业集群 产业集聚'].map((text, i) =>
      page(text, 20 + i),
    );
    await indexPages(nested.slice(0, 2), join(work, 'nested-0'));
    await indexPages(nested.slice(2), join(work, 'nested-1'));
    const all = [...shards, named(join(work, 'nested-0'), 'n0-'), named(join(work, 'nested-1'), 'n1-')];
    // A chunk a word, so that words of one start span several.
    const plain = await mergeBundles(all, join(work, 'plain'), { chunkSize: 1, keep: [] });
    const grouped = await mergeBundles(all, out, { chunkSize: 1, keep: [], groupsOf: firstCharacters, groupSpan: 1 });
    // The chunks are the same as without groups.
    expect(grouped.chunks.map(({ hash }) => hash)).toEqual(plain.chunks.map(({ hash }) => hash));
    const words = (hash: string) =>
      readChunk(pagefindData(readFileSync(join(out, 'index', `${hash}.pf_index`)), hash)).map(({ word }) => word);
    const raw = (hash: string) => withoutSignature(new Uint8Array(gunzipSync(readFileSync(join(out, 'index', `${hash}.pf_index`)))), hash);
    const chunkWords = grouped.chunks.map(({ hash }) => words(hash));
    const starts = new Set(chunkWords.flat().flatMap(firstCharacters));
    const spanning = [...starts].filter((term) => chunkWords.filter((list) => list.some((word) => word.startsWith(term))).length > 1);
    // Some within others.
    expect(spanning.filter((term) => term.length === 10 && spanning.includes(term.slice(0, 7))).length).toBeGreaterThan(0);
    expect(grouped.groups.map(({ term }) => term).sort()).toEqual(spanning.sort());
    for (const { term, hash } of grouped.groups) {
      // One word, the group's term, with every page of the words that start with it.
      expect(words(hash)).toEqual([term]);
      const across = new Map();
      for (const { hash: chunk } of grouped.chunks) wordPages(raw(chunk), term, across);
      expect(wordPages(raw(hash), term)).toEqual(across);
    }
    // Removed by the next merge when it has no groups.
    await mergeBundles(all, out, { chunkSize: 1, keep: [] });
    expect(readdirSync(join(out, 'index')).sort()).toEqual(plain.chunks.map(({ hash }) => `${hash}.pf_index`).sort());
  });

  test('pages are filed under the names given, and a name given twice is refused', async () => {
    const shard = join(work, 'shard-1');
    const twice = await mergeBundles([named(shard, 'a'), named(shard, 'b')], join(work, 'twice'), { chunkSize: CHUNK_SIZE, keep: [] });
    expect(twice.pages).toEqual(['a0', 'a1', 'b0', 'b1']);
    expect(readdirSync(join(work, 'twice', 'fragment')).sort()).toEqual([
      'a0.pf_fragment',
      'a1.pf_fragment',
      'b0.pf_fragment',
      'b1.pf_fragment',
    ]);
    // Every word of the shard lists its pages twice, at page numbers 0-1 and 2-3.
    const once = decode(shard).words;
    const doubled = decode(join(work, 'twice')).words;
    for (const [word, pages] of once) {
      const [list] = pages.split('|');
      expect(doubled.get(word)?.split('|')[0].split(',').length, word).toBe(list.split(',').length * 2);
    }
    await expect(
      mergeBundles([named(shard, 'a'), named(shard, 'a')], join(work, 'twice'), { chunkSize: CHUNK_SIZE, keep: [] }),
    ).rejects.toThrow(/page .* is named a0, as another page is/);
  });

  test('refuses a shard that is not a Pagefind bundle, naming the file', async () => {
    await expect(
      mergeBundles([{ dir: join(work, 'nothing'), names: new Map() }], join(work, 'bad'), { chunkSize: CHUNK_SIZE, keep: [] }),
    ).rejects.toThrow(/nothing.*pagefind-entry\.json/);
  });
});

describe('a group as one word (groupChunk)', () => {
  test('reads back as the pages and positions it was made of, title positions with a heading’s weight', () => {
    // Page 7 has its title (positions 0 and 2) before its body.
    const keys = [
      [7, 30, false],
      [7, 2, true],
      [7, 0, true],
      [7, 9, false],
      [3, 5, false],
      [3, 400, false],
      [120_000, 1, true],
    ].map(([page, position, inTitle]) => positionKey(page as number, position as number, inTitle as boolean));
    // Pushed one by one and as a block of an inner group's keys.
    const list = new PositionKeys();
    const inner = new PositionKeys();
    keys.slice(0, 3).forEach((key) => list.push(key));
    keys.slice(3).forEach((key) => inner.push(key));
    list.append(inner);
    expect(list.length).toBe(keys.length);
    const data = new Uint8Array(groupChunk('q4ea74e1a', list));
    expect(readChunk(Buffer.from(data)).map(({ word }) => word)).toEqual(['q4ea74e1a']);
    expect(wordPages(data, 'q4ea74e1a')).toEqual(
      new Map([
        [3, { at: [5, 400], titleEnd: -1 }],
        [7, { at: [0, 2, 9, 30], titleEnd: 2 }],
        [120_000, { at: [1], titleEnd: 1 }],
      ]),
    );
    // Its positions read back as they went in (the chunk is [[word]]: the word's entry after two bytes).
    const again = new PositionKeys();
    entryKeys(data.subarray(2), again);
    expect([...again.sorted()]).toEqual([...keys].sort((a, b) => a - b));
  });
});

describe('CBOR as Pagefind writes it', () => {
  test('integers, text and arrays read back; raw items are copied as they are', () => {
    const bytes = new CborWriter()
      .array(4)
      .unsigned(23)
      .integer(-300)
      .text('集成电路')
      .array(2)
      .unsigned(70_000)
      .unsigned(2 ** 33)
      .bytes();
    const reader = new CborReader(bytes);
    expect(reader.array()).toBe(4);
    expect(reader.unsigned()).toBe(23);
    expect(reader.integer()).toBe(-300);
    expect(reader.text()).toBe('集成电路');
    const rest = reader.raw(1);
    expect(new CborReader(rest).array()).toBe(2);
    expect(reader.at).toBe(bytes.length);
    expect(() => new CborReader(new CborWriter().text('x').bytes()).array()).toThrow(/expected an array at byte 0/);
  });

  test('chunk names are trimmed to the shortest prefixes that keep them apart', () => {
    const chunks = [
      { from: 'q5357', to: 'q5357c1a5' },
      { from: 'q5357c1a6', to: 'q96c6' },
    ];
    trimChunkNames(chunks);
    expect(chunks).toEqual([
      { from: 'q5357', to: 'q5357c1a5' },
      { from: 'q5357c1a6', to: 'q96c6' },
    ]);
    const wide = [
      { from: 'a', to: 'banana' },
      { from: 'cherry', to: 'date' },
    ];
    trimChunkNames(wide);
    expect(wide).toEqual([
      { from: 'a', to: 'b' },
      { from: 'c', to: 'date' },
    ]);
  });
});
