import { createHash } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { CborReader, CborWriter } from '@/lib/search/cbor';
import { PAGEFIND_SIGNATURE, readEntry, withoutSignature } from '@/lib/search/index-reader';

/**
 * Merges the Pagefind indexes of the search shards (src/lib/search/shards.ts) into one Pagefind
 * index, as Pagefind itself would have written it for all their pages at once.
 *
 * Why: a shard bounds the memory Pagefind needs while it writes (it holds a whole index in
 * memory), but every shard the search page opens costs a reader its entry, metadata and index
 * chunks: 7 shards at 10,000 articles, 28 at 100,000, each fetched for every query. Merged, a
 * query fetches one metadata file and the chunks of its own words, whatever the size of the
 * archive. The merge streams: it holds one chunk of each shard and the chunk it is writing.
 *
 * Pagefind's formats (pagefind 1.6, pagefind/src/index/): files are gzip of `pagefind_dcd`
 * then CBOR. The metadata is [version, pages [hash, word count, …], index chunks [from, to,
 * hash], filters, sorts, meta fields]; a chunk is [[word, pages, variants], …] with words in
 * byte order, a page being [page number as the delta from the word's previous page, positions,
 * metadata positions]. Pages are numbered by their place in the metadata. So the merged
 * metadata lists the shards' pages one shard after another, and a word's pages are its pages in
 * each shard with the shard's first page number moved by the pages before it: everything else
 * of a page (its positions, most of the bytes) is copied as it is. Metadata positions name a
 * field by its place in the metadata's field list, so they are renumbered when a shard's list
 * differs from the merged one. The index has neither filters nor sorts (the page table,
 * src/lib/search/page-table.ts, does that work), and a shard that has them is refused.
 */

/** What starts every Pagefind file once un-gzipped. */
export const SIGNATURE = Buffer.from(PAGEFIND_SIGNATURE);

/** The CBOR of a Pagefind file's bytes as written (gzip, signature). */
export function pagefindData(gzipped: Buffer, name: string): Buffer {
  return withoutSignature(gunzipSync(gzipped), name);
}

export interface ShardMeta {
  version: string;
  /** Each page's hash (its fragment's name) and the rest of its entry, as written. */
  pages: { hash: string; items: number; rest: Uint8Array }[];
  chunks: { from: string; to: string; hash: string }[];
  fields: string[];
}

export function readMeta(data: Buffer, name: string): ShardMeta {
  const reader = new CborReader(data);
  const length = reader.array();
  const version = reader.text();
  const pages = Array.from({ length: reader.array() }, () => {
    const items = reader.array();
    return { hash: reader.text(), items, rest: reader.raw(items - 1) };
  });
  const chunks = Array.from({ length: reader.array() }, () => {
    const items = reader.array();
    const chunk = { from: reader.text(), to: reader.text(), hash: reader.text() };
    reader.raw(items - 3);
    return chunk;
  });
  if (reader.array() !== 0) throw new Error(`${name}: the index has filters; the merge expects none`);
  if (reader.array() !== 0) throw new Error(`${name}: the index has sort orders; the merge expects none`);
  const fields = length > 5 ? Array.from({ length: reader.array() }, () => reader.text()) : [];
  return { version, pages, chunks, fields };
}

/**
 * A word's pages in one shard, as its chunk has them: the merge changes only the first page's
 * number (the others are deltas from the page before, in the same shard) and copies the rest.
 */
export interface PageRun {
  /** The chunk's data. */
  bytes: Uint8Array;
  count: number;
  /** Page numbers (in the shard) of the first and the last page. */
  first: number;
  last: number;
  /** The first page's number of items, and where its items after the page number start. */
  firstItems: number;
  firstBody: number;
  /** Where the run ends. */
  end: number;
  /** Positions and metadata positions, plus one per page: the size Pagefind cuts chunks by. */
  size: number;
}

export interface WordEntry {
  word: string;
  /** The word as UTF-8: words are in this byte order. */
  key: Uint8Array;
  pages: PageRun;
  variants: { form: string; pages: PageRun }[];
}

function readRun(reader: CborReader): PageRun {
  const count = reader.array();
  let page = 0;
  let size = 0;
  let first = 0;
  let firstItems = 0;
  let firstBody = 0;
  for (let i = 0; i < count; i++) {
    const items = reader.array();
    page += reader.unsigned();
    if (i === 0) {
      first = page;
      firstItems = items;
      firstBody = reader.at;
    }
    const positions = reader.array();
    reader.skipIntegers(positions);
    let metaPositions = 0;
    if (items >= 3) {
      metaPositions = reader.array();
      reader.skipIntegers(metaPositions);
    }
    if (items > 3) reader.raw(items - 3);
    size += positions + metaPositions + 1;
  }
  return { bytes: reader.bytes, count, first, last: page, firstItems, firstBody, end: reader.at, size };
}

/**
 * A run whose metadata positions name fields by their places in the shard's list, rewritten with
 * their places in the merged list (`fields`: old place → new place).
 */
function renumberedRun(reader: CborReader, fields: readonly number[]): PageRun {
  const out = new CborWriter();
  const count = reader.array();
  out.array(count);
  for (let i = 0; i < count; i++) {
    const items = reader.array();
    out.array(items).unsigned(reader.unsigned());
    const start = reader.at;
    reader.skipIntegers(reader.array());
    out.raw(reader.bytes, start, reader.at);
    if (items >= 3) {
      const metaPositions = reader.array();
      out.array(metaPositions);
      for (let k = 0; k < metaPositions; k++) {
        const value = reader.integer();
        out.integer(value < 0 ? -(fields[-value - 1] ?? -value - 1) - 1 : value);
      }
    }
    if (items > 3) out.raw(reader.raw(items - 3));
  }
  return readRun(new CborReader(out.bytes()));
}

const run = (reader: CborReader, fields: readonly number[] | undefined) => (fields ? renumberedRun(reader, fields) : readRun(reader));

/**
 * The words of an index chunk, in order. `fields` renumbers metadata fields (old place → new
 * place), when the shard's field list is not the merged one.
 */
export function readChunk(data: Buffer, fields?: readonly number[]): WordEntry[] {
  const reader = new CborReader(data);
  reader.array();
  return Array.from({ length: reader.array() }, () => {
    const items = reader.array();
    const key = reader.textBytes();
    const word = Buffer.from(key.buffer, key.byteOffset, key.byteLength).toString('utf8');
    const pages = run(reader, fields);
    const variants =
      items >= 3
        ? Array.from({ length: reader.array() }, () => {
            const variantItems = reader.array();
            const form = reader.text();
            const variantPages = run(reader, fields);
            reader.raw(variantItems - 2);
            return { form, pages: variantPages };
          })
        : [];
    reader.raw(Math.max(0, items - 3));
    return { word, key, pages, variants };
  });
}

/** A word's pages from several shards, each moved by its shard's first page number in the merged index. */
type Runs = { offset: number; pages: PageRun }[];

function writeRuns(out: CborWriter, runs: Runs): void {
  let count = 0;
  for (const { pages } of runs) count += pages.count;
  out.array(count);
  let last = 0;
  for (const { offset, pages } of runs) {
    if (pages.count === 0) continue;
    out.array(pages.firstItems).unsigned(offset + pages.first - last);
    out.raw(pages.bytes, pages.firstBody, pages.end);
    last = offset + pages.last;
  }
}

/**
 * Writes one merged word as Pagefind writes it: its pages from every shard in page order
 * (shards are given in the order of their pages), and its variants (forms with other
 * diacritics) likewise, in the order first met. Returns the size Pagefind 1.6 counts for
 * chunking: the positions of the word's pages and of its variants' pages, and one per page (a
 * unit test holds the merged chunks to Pagefind's own).
 */
export function mergeWord(out: CborWriter, word: string, parts: readonly { offset: number; entry: WordEntry }[]): number {
  out.array(3).text(word);
  let size = 0;
  writeRuns(
    out,
    parts.map(({ offset, entry }) => {
      size += entry.pages.size;
      return { offset, pages: entry.pages };
    }),
  );
  const forms = new Map<string, Runs>();
  for (const { offset, entry } of parts) {
    for (const variant of entry.variants) {
      const list = forms.get(variant.form) ?? forms.set(variant.form, []).get(variant.form) ?? [];
      list.push({ offset, pages: variant.pages });
    }
  }
  out.array(forms.size);
  for (const [form, runs] of forms) {
    out.array(2).text(form);
    writeRuns(out, runs);
    for (const { pages } of runs) size += pages.size;
  }
  return size;
}

/**
 * The shortest prefixes that keep two neighbouring chunks apart (Pagefind's get_prefixes):
 * the metadata names a chunk by the words it spans, as short as they can be.
 */
function prefixes(a: string, b: string): [string, string] {
  const left = [...a];
  const right = [...b];
  let common = 0;
  while (common < left.length && common < right.length && left[common] === right[common]) common++;
  return [left.slice(0, common + 1).join(''), right.slice(0, common + 1).join('')];
}

const byteOrder = (a: string, b: string) => Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));

/** The chunks' `from` and `to` as Pagefind trims them (chunk_meta). */
export function trimChunkNames(chunks: { from: string; to: string }[]): void {
  for (let i = 0; i + 1 < chunks.length; i++) {
    const [to, from] = prefixes(chunks[i].to, chunks[i + 1].from);
    if (byteOrder(to, chunks[i].from) >= 0) chunks[i].to = to;
    chunks[i + 1].from = from;
  }
}

/** A content hash for a file name, `length` hex digits (Pagefind uses SHA-1 too). */
export function contentHash(bytes: Buffer | string, length: number): string {
  return createHash('sha1').update(bytes).digest('hex').slice(0, length);
}

/**
 * Positions per chunk of the merged index for `positions` positions in all: the chunks of the
 * shards (`least`, measured on a 2,000-article shard) below about 20,000 articles, more above.
 * A query loads the metadata, which lists every chunk (about 30 bytes each), and the chunk of
 * each word it searches, which holds other words too: for c chunks the first costs about
 * 18·c bytes as sent and the second about 1.5·positions/c per word, least for c near
 * √(positions/4) at three words a query, that is 2·√positions positions a chunk. At 100,000
 * articles (about 140 million positions) chunks of 24,000 positions make a metadata of about 6,000
 * chunks instead of 30,000. A common word fills a chunk of its own at any size.
 */
export function chunkSizeFor(positions: number, least: number): number {
  return Math.max(least, Math.round(2 * Math.sqrt(positions)));
}

/** The merged metadata file's CBOR. */
export function writeMeta(meta: {
  version: string;
  pages: readonly { hash: string; items: number; rest: Uint8Array }[];
  chunks: readonly { from: string; to: string; hash: string }[];
  fields: readonly string[];
}): Buffer {
  const out = new CborWriter().array(6).text(meta.version).array(meta.pages.length);
  for (const page of meta.pages) out.array(page.items).text(page.hash).raw(page.rest);
  out.array(meta.chunks.length);
  for (const chunk of meta.chunks) out.array(3).text(chunk.from).text(chunk.to).text(chunk.hash);
  out.array(0).array(0).array(meta.fields.length);
  for (const field of meta.fields) out.text(field);
  return out.bytes();
}

/** The weights Pagefind 1.6 gives a heading (h1) and body text: a group's title positions are written with the first. */
const HEADING_WEIGHT = 168;
const BODY_WEIGHT = 24;

/**
 * A position of a group's word as one number that sorts by page, then position: the page
 * times 2²², the position times 2, plus 1 in the title. Numbers up to 2⁵³ are exact: pages below
 * 2³¹, positions below 2²¹.
 */
const PAGE_KEY = 2 ** 22;
export const positionKey = (page: number, position: number, inTitle: boolean): number => page * PAGE_KEY + position * 2 + (inTitle ? 1 : 0);

/**
 * A growing list of positionKey numbers. A group's keys are those of the groups within it too
 * (产业 holds 产业集's), which are appended as one block when the inner group ends: for the
 * common bigrams of 100,000 articles, millions of keys.
 */
export class PositionKeys {
  private data = new Float64Array(256);
  length = 0;

  push(key: number): void {
    if (this.length === this.data.length) this.grow(this.length + 1);
    this.data[this.length++] = key;
  }

  append(other: PositionKeys): void {
    this.grow(this.length + other.length);
    this.data.set(other.data.subarray(0, other.length), this.length);
    this.length += other.length;
  }

  /** The keys in order (sorted in place). */
  sorted(): Float64Array {
    return this.data.subarray(0, this.length).sort();
  }

  private grow(size: number): void {
    if (size <= this.data.length) return;
    const data = new Float64Array(Math.max(size, this.data.length * 2));
    data.set(this.data.subarray(0, this.length));
    this.data = data;
  }
}

/** The positions of a word entry (its CBOR as a chunk holds it) as positionKey numbers, added to `keys`. */
export function entryKeys(entry: Uint8Array, keys: PositionKeys): void {
  const reader = new CborReader(entry);
  const items = reader.array();
  reader.skip();
  let at = 0;
  readEntry(reader, items, {
    page: (page) => (at = page),
    position: (position, inTitle) => keys.push(positionKey(at, position, inTitle)),
  });
}

/**
 * The CBOR of an index chunk of one word, `term`, that has the positions (`keys`, positionKey,
 * in any order) of every word that starts with it: what the search page reads for `term`
 * (index-reader.ts wordPages), with each page once rather than once per word, as Pagefind
 * wrote a two-character word before the words after it were lengthened (tokens.ts).
 */
export function groupChunk(term: string, keys: PositionKeys): Buffer {
  const sorted = keys.sorted();
  const out = new CborWriter();
  let pages = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || Math.floor(sorted[i] / PAGE_KEY) !== Math.floor(sorted[i - 1] / PAGE_KEY)) pages++;
  out.array(3).text(term).array(pages);
  let last = 0;
  const values: number[] = [];
  for (let i = 0; i < sorted.length;) {
    const page = Math.floor(sorted[i] / PAGE_KEY);
    values.length = 0;
    let previous = 0;
    let inTitle = false;
    for (; i < sorted.length && Math.floor(sorted[i] / PAGE_KEY) === page; i++) {
      const rest = sorted[i] - page * PAGE_KEY;
      const position = Math.floor(rest / 2);
      if ((rest % 2 === 1) !== inTitle) {
        inTitle = !inTitle;
        // A weight for the positions after it, which count from 0 again.
        values.push(-((inTitle ? HEADING_WEIGHT : BODY_WEIGHT) + 1));
        previous = 0;
      }
      values.push(position - previous);
      previous = position;
    }
    out
      .array(2)
      .unsigned(page - last)
      .array(values.length);
    for (const value of values) out.integer(value);
    last = page;
  }
  out.array(0);
  return chunkData(1, out.bytes());
}

/** The CBOR of an index chunk of `count` words, already encoded. */
export function chunkData(count: number, words: Buffer): Buffer {
  return new CborWriter().array(1).array(count).raw(words).bytes();
}

/** The merged field list (sorted, as Pagefind sorts it) and, per shard, its fields' new places (undefined: unchanged). */
export function mergeFields(shards: readonly string[][]): { fields: string[]; maps: (number[] | undefined)[] } {
  const fields = [...new Set(shards.flat())].sort(byteOrder);
  const maps = shards.map((own) => {
    const map = own.map((field) => fields.indexOf(field));
    return map.every((place, i) => place === i) ? undefined : map;
  });
  return { fields, maps };
}
