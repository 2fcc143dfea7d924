import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { chunksFor, compareWords, withoutSignature, wordPages, type WordPages } from '@/lib/search/index-reader';
import { pagefindData, readMeta } from '@/lib/search/merge-index';
import { indexTokens, queryParts } from '@/lib/search/tokens';

// The search page's reader against an index Pagefind itself wrote: every word's pages and
// positions must be where the tokens of the pages put them.

/** Small chunks, so that words are spread over many and a one-character word spans several. */
const CHUNK_SIZE = 4;

const TEXTS = [
  '盐城经济技术开发区 招商引资 签约 12 个项目',
  '南京江宁开发区 高质量发展 产业集群 Café',
  '苏州工业园区 招商引资 集成电路 产业集群 开发区',
  '合肥高新区 科技创新 高质量发展 cafe 𠀀字',
  '招商 产业 开发 开放 开工 开园 招商引资 招商引资',
];

/** A heading first: Pagefind weighs its words more and marks the change in the positions. */
function page(text: string, i: number): { url: string; content: string } {
  const [heading, ...rest] = indexTokens(text);
  return {
    url: `/news/${i}/`,
    content:
      `<!doctype html><html lang="und"><head><meta data-pagefind-meta="title[content]" content="标题 ${i}"></head>` +
      `<body data-pagefind-body><h1>${heading}</h1><p>${rest.join(' ')}</p></body></html>`,
  };
}

let work: string;
let from: string[];
let files: string[];

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'devzone-reader-'));
  process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE = String(CHUNK_SIZE);
  const { index } = await pagefind.createIndex({});
  if (!index) throw new Error('no index');
  for (const [i, text] of TEXTS.entries()) expect((await index.addHTMLFile(page(text, i))).errors).toEqual([]);
  expect((await index.writeFiles({ outputPath: work })).errors).toEqual([]);
  await pagefind.close();
  const entry = JSON.parse(readFileSync(join(work, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { hash: string }> };
  const name = `pagefind.${Object.values(entry.languages)[0].hash}.pf_meta`;
  const meta = readMeta(pagefindData(readFileSync(join(work, name)), name), name);
  from = meta.chunks.map((chunk) => chunk.from);
  files = meta.chunks.map((chunk) => chunk.hash);
}, 60_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

/** What the search page finds for `term`: the chunks chunksFor names, read with wordPages. */
function lookUp(term: string): WordPages {
  const found: WordPages = new Map();
  for (const i of chunksFor(from, term)) {
    const path = join(work, 'index', `${files[i]}.pf_index`);
    wordPages(withoutSignature(gunzipSync(readFileSync(path)), path), term, found);
  }
  return found;
}

/**
 * Where the pages' tokens put the words that start with `term` (Pagefind numbers pages as
 * added), and which of them are in the heading.
 */
function expected(term: string): WordPages {
  const found: WordPages = new Map();
  TEXTS.forEach((text, page) => {
    const positions = indexTokens(text)
      .map((token, position) => (token.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').startsWith(term) ? position : -1))
      .filter((position) => position >= 0);
    // Each page's first token is its heading (page above), the only words weighted as a title.
    if (positions.length > 0) found.set(page, { at: positions, titleEnd: positions[0] === 0 ? 0 : -1 });
  });
  return found;
}

describe('reading an index Pagefind wrote', () => {
  test('the index has many chunks, so lookups cross chunk boundaries', () => {
    expect(from.length).toBeGreaterThan(8);
  });

  test('every word of every page: its pages and positions', () => {
    const words = new Set(TEXTS.flatMap((text) => queryParts(text).flat()));
    expect(words.size).toBeGreaterThan(40);
    for (const word of words) expect(lookUp(word), word).toEqual(expected(word));
  });

  test("the heading's words are weighted: positions go on across Pagefind's weight markers, which tell the title", () => {
    // A weight marker is a negative number among a page's positions (CBOR major type 1).
    const chunks = files.map((file) => gunzipSync(readFileSync(join(work, 'index', `${file}.pf_index`))));
    expect(chunks.some((bytes) => bytes.some((byte) => byte >> 5 === 1))).toBe(true);
    const [[zhaoshang]] = queryParts('招商');
    expect(lookUp(zhaoshang).get(4)?.at).toHaveLength(3);
    // The first of them is the heading's word: the title ends there.
    expect(lookUp(zhaoshang).get(4)?.titleEnd).toBe(0);
    expect(lookUp(zhaoshang).get(4)).toEqual(expected(zhaoshang).get(4));
  });

  test('one character: every word that starts with it, across chunks', () => {
    const [[kai]] = queryParts('开');
    expect(chunksFor(from, kai).length).toBeGreaterThan(1);
    expect(lookUp(kai)).toEqual(expected(kai));
    expect([...lookUp(kai).keys()].sort()).toEqual([0, 1, 2, 4]);
  });

  test('a Latin word in any case or diacritics finds both forms', () => {
    const [[cafe]] = queryParts('CAFÉ');
    expect(cafe).toBe('cafe');
    expect([...lookUp(cafe).keys()].sort()).toEqual([1, 3]);
  });

  test('a word no page has finds nothing, whether it sorts before, between or after the words', () => {
    for (const query of ['量子', '产品', '𠀁字', 'zzz', '0000']) {
      const [[term]] = queryParts(query);
      expect(lookUp(term), query).toEqual(new Map());
    }
  });

  test('a character beyond U+FFFF is found where UTF-8 order puts it', () => {
    const [[term]] = queryParts('𠀀字');
    expect([...lookUp(term).keys()]).toEqual([3]);
  });
});

describe('compareWords', () => {
  test('UTF-8 byte order: a character beyond U+FFFF sorts after U+E000-U+FFFF', () => {
    const words = ['\u{20000}', '\uffee', 'b', 'a', 'ab', '\ue000'];
    const bytes = [...words].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
    expect([...words].sort(compareWords)).toEqual(bytes);
  });
});

describe('chunksFor', () => {
  const names = ['a', 'c', 'ca', 'cb', 'd'];
  test("a word's chunk is the last whose first word is at most it; a prefix takes the chunks after that start with it", () => {
    expect(chunksFor(names, 'b')).toEqual([0]);
    expect(chunksFor(names, 'cab')).toEqual([2]);
    expect(chunksFor(names, 'c')).toEqual([1, 2, 3]);
    expect(chunksFor(names, 'zz')).toEqual([4]);
    expect(chunksFor(names, '0')).toEqual([]);
  });
});
