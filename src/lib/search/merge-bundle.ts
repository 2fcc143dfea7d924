import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { copyFileSync, linkSync, readdirSync, readFileSync, statSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gzip as gzipCallback } from 'node:zlib';
import { CborWriter } from '@/lib/search/cbor';
import {
  chunkData,
  contentHash,
  entryKeys,
  groupChunk,
  PositionKeys,
  mergeFields,
  mergeWord,
  pagefindData,
  readChunk,
  readMeta,
  SIGNATURE,
  trimChunkNames,
  writeMeta,
  type ShardMeta,
  type WordEntry,
} from '@/lib/search/merge-index';

const gzip = promisify(gzipCallback);

/**
 * Writes the one Pagefind bundle of the site from the shards' bundles (src/lib/search/merge-index.ts
 * says how and why): `out/pagefind-entry.json`, its metadata, `index/`, `fragment/`, and
 * Pagefind's script, worker and WebAssembly. Files are named by their content, so a file already
 * in `out` from the last build is kept rather than compressed and written again (after one
 * edit, most index chunks are); files of the last build that this one does not have are removed.
 * `keep` names other files of `out` to leave alone (the page table).
 */

export interface MergedBundle {
  /** Each page's name, by its number in the index. */
  pages: string[];
  /** The index chunks in word order: the first word each may hold (trimmed as Pagefind trims it), its file's hash and size. */
  chunks: { from: string; hash: string; bytes: number }[];
  /** The words that start with a search word (`groupsOf`) and span more than `groupSpan` chunks, in one more file each. */
  groups: { term: string; hash: string; bytes: number }[];
  /** Index files compressed and written by this merge (the others were in `out` already). */
  written: number;
}

/** A shard's bundle, and the name each of its pages (by Pagefind's hash) has in the merged index. */
export interface ShardBundle {
  dir: string;
  names: ReadonlyMap<string, string>;
}

export interface MergeOptions {
  /** Positions per index chunk (Pagefind's chunk_index: a chunk ends once it holds this many). */
  chunkSize: number;
  keep: readonly string[];
  /**
   * The search words shorter than a word that find it, shortest first (tokens.ts prefixTerms). A
   * search word that is one of them finds every word that starts with it: after a common gram
   * (产业, 高新区) thousands of words, across many chunks. Where they span more than
   * `groupSpan` chunks they are written once more as one file (a group), so that the search
   * page loads them with one request instead of one per chunk; a rare word among them still
   * has its own small chunk.
   */
  groupsOf?: (word: string) => string[];
  groupSpan?: number;
}

/**
 * A group of words being merged (MergeOptions.groupsOf): its term, the positions so far
 * (positionKey) of its words that are in no group within it, and the chunk its first word is in.
 */
interface OpenGroup {
  term: string;
  keys: PositionKeys;
  firstChunk: number;
}

interface ShardInput {
  dir: string;
  language: string;
  entry: { version: string; languages: Record<string, { hash: string; wasm: string | null; page_count: number }> };
  meta: ShardMeta;
}

/** A Pagefind bundle's entry and metadata (one language, as the shards have). */
export async function readShard(dir: string): Promise<ShardInput> {
  const entry = JSON.parse(await readFile(join(dir, 'pagefind-entry.json'), 'utf8')) as ShardInput['entry'];
  const languages = Object.keys(entry.languages);
  if (languages.length !== 1) throw new Error(`${dir}: the merge expects one language, found ${languages.join(', ') || 'none'}`);
  const [language] = languages;
  const metaName = `pagefind.${entry.languages[language].hash}.pf_meta`;
  const meta = readMeta(pagefindData(await readFile(join(dir, metaName)), metaName), join(dir, metaName));
  return { dir, language, entry, meta };
}

/** Reads one shard's words chunk by chunk, in order. */
class Cursor {
  private chunk = 0;
  private words: WordEntry[] = [];
  private at = 0;
  private readonly shard: ShardInput;
  private readonly fields: number[] | undefined;
  /** The shard's first page number in the merged index. */
  readonly offset: number;

  constructor(shard: ShardInput, fields: number[] | undefined, offset: number) {
    this.shard = shard;
    this.fields = fields;
    this.offset = offset;
    this.fill();
  }

  private fill(): void {
    while (this.at >= this.words.length && this.chunk < this.shard.meta.chunks.length) {
      const name = join(this.shard.dir, 'index', `${this.shard.meta.chunks[this.chunk++].hash}.pf_index`);
      this.words = readChunk(pagefindData(readFileSync(name), name), this.fields);
      this.at = 0;
    }
  }

  get current(): WordEntry | undefined {
    return this.words[this.at];
  }

  next(): void {
    this.at++;
    this.fill();
  }
}

/** The cursors by their current word, lowest first: a merge of 80 shards compares a word with 7 others, not 80. */
class CursorHeap {
  private readonly items: Cursor[] = [];

  constructor(cursors: readonly Cursor[]) {
    for (const cursor of cursors) this.push(cursor);
  }

  private less(i: number, j: number): boolean {
    const a = this.items[i];
    const b = this.items[j];
    return (Buffer.compare(a.current?.key ?? EMPTY, b.current?.key ?? EMPTY) || a.offset - b.offset) < 0;
  }

  private swap(i: number, j: number): void {
    [this.items[i], this.items[j]] = [this.items[j], this.items[i]];
  }

  top(): Cursor | undefined {
    return this.items[0];
  }

  push(cursor: Cursor): void {
    this.items.push(cursor);
    for (let i = this.items.length - 1; i > 0;) {
      const parent = (i - 1) >> 1;
      if (!this.less(i, parent)) break;
      this.swap(i, parent);
      i = parent;
    }
  }

  pop(): Cursor | undefined {
    const top = this.items[0];
    const last = this.items.pop();
    if (this.items.length > 0 && last) {
      this.items[0] = last;
      for (let i = 0; ;) {
        const left = 2 * i + 1;
        const right = left + 1;
        let least = i;
        if (left < this.items.length && this.less(left, least)) least = left;
        if (right < this.items.length && this.less(right, least)) least = right;
        if (least === i) break;
        this.swap(i, least);
        i = least;
      }
    }
    return top;
  }
}

const EMPTY = Buffer.alloc(0);

/** Writes `data` gzipped to `path` through a temporary file, so no half-written file ever has the final name. */
async function writeGzip(path: string, data: Buffer): Promise<void> {
  const temporary = `${path}.partial`;
  await writeFile(temporary, await gzip(Buffer.concat([SIGNATURE, data])));
  await rename(temporary, path);
}

/**
 * Hard links `from` to `to` (or copies across file systems), unless `to` is that file already.
 * Synchronous: tens of thousands of these are quicker without a promise each.
 */
function place(from: string, to: string, present: ReadonlySet<string>, name: string): void {
  if (present.has(name)) {
    const [source, target] = [statSync(from), statSync(to)];
    if (target.ino === source.ino && target.dev === source.dev) return;
    unlinkSync(to);
  }
  try {
    linkSync(from, to);
  } catch {
    copyFileSync(from, to);
  }
}

/** At most this many chunks are compressed at once (zlib runs them on libuv's threads). */
const WRITING = 8;

export async function mergeBundles(bundles: readonly ShardBundle[], out: string, options: MergeOptions): Promise<MergedBundle> {
  if (bundles.length === 0) throw new Error('search index: no shards to merge');
  const shards = await Promise.all(bundles.map(({ dir }) => readShard(dir)));
  const { language, entry } = shards[0];
  for (const shard of shards) {
    if (shard.language !== language) throw new Error(`${shard.dir}: language ${shard.language}, not ${language}`);
    if (shard.meta.version !== shards[0].meta.version)
      throw new Error(`${shard.dir}: Pagefind ${shard.meta.version}, not ${shards[0].meta.version}`);
  }
  await mkdir(join(out, 'index'), { recursive: true });
  await mkdir(join(out, 'fragment'), { recursive: true });

  // Pages: the shards' one after another, each under the name it is given. A page's name is
  // its fragment's file name and the id the search page gets for it.
  const names = new Set<string>();
  const pages: ShardMeta['pages'] = [];
  const fragments: { from: string; name: string }[] = [];
  shards.forEach((shard, i) => {
    for (const page of shard.meta.pages) {
      const name = bundles[i].names.get(page.hash);
      if (name === undefined) throw new Error(`${shard.dir}: no name for page ${page.hash}`);
      if (names.has(name)) throw new Error(`${shard.dir}: page ${page.hash} is named ${name}, as another page is`);
      names.add(name);
      pages.push({ ...page, hash: name });
      fragments.push({ from: join(shard.dir, 'fragment', `${page.hash}.pf_fragment`), name });
    }
  });

  // Words: a k-way merge of the shards' chunks, which are in byte order.
  const { fields, maps } = mergeFields(shards.map((shard) => shard.meta.fields));
  let offset = 0;
  const cursors = shards.map((shard, i) => {
    const cursor = new Cursor(shard, maps[i], offset);
    offset += shard.meta.pages.length;
    return cursor;
  });
  const chunks: { from: string; to: string; hash: string }[] = [];
  const groups: { term: string; hash: string }[] = [];
  const chunkNames = new Set<string>();
  const writing = new Set<Promise<void>>();
  // Chunks of the last build: names are content hashes, so one of the same name is the same chunk.
  const present = new Set(readdirSync(join(out, 'index')));
  let written = 0;
  /** An index file's name for `data`, which is written unless the last build wrote it. */
  const store = async (data: Buffer): Promise<string> => {
    const full = contentHash(data, 40);
    let length = 10;
    while (chunkNames.has(`${language}_${full.slice(0, length)}`)) length++;
    const hash = `${language}_${full.slice(0, length)}`;
    chunkNames.add(hash);
    if (present.has(`${hash}.pf_index`)) return hash;
    const path = join(out, 'index', `${hash}.pf_index`);
    written++;
    const task = writeGzip(path, data).finally(() => writing.delete(task));
    // Awaited below (race, then all); until then a failed write must not be an unhandled rejection.
    task.catch(() => {});
    writing.add(task);
    if (writing.size >= WRITING) await Promise.race(writing);
    return hash;
  };
  const words = new CborWriter();
  let count = 0;
  let first = '';
  let last = '';
  let size = 0;
  const flush = async () => {
    const data = chunkData(count, words.bytes());
    words.reset();
    count = 0;
    size = 0;
    chunks.push({ from: first, to: last, hash: await store(data) });
  };
  const open: OpenGroup[] = [];
  /** Ends the open groups after the first `keep`, writing those that span more than groupSpan chunks. */
  const closeGroups = async (keep: number) => {
    // The chunk the last word merged is in: the one being filled, or the one just written.
    const lastChunk = count > 0 ? chunks.length : chunks.length - 1;
    while (open.length > keep) {
      const group = open.pop() as OpenGroup;
      if (lastChunk - group.firstChunk + 1 > (options.groupSpan ?? Infinity)) {
        groups.push({ term: group.term, hash: await store(groupChunk(group.term, group.keys)) });
      }
      // The group it is within has its words too.
      open.at(-1)?.keys.append(group.keys);
    }
  };
  const scratch = new CborWriter();
  const heap = new CursorHeap(cursors.filter((cursor) => cursor.current));
  for (let lowest = heap.top(); lowest?.current; lowest = heap.top()) {
    // The shards that have the lowest word, in the order of their pages.
    const key = lowest.current.key;
    const having: Cursor[] = [];
    const hasKey = (cursor: Cursor | undefined) => cursor?.current !== undefined && Buffer.compare(cursor.current.key, key) === 0;
    while (hasKey(heap.top())) having.push(heap.pop() as Cursor);
    having.sort((a, b) => a.offset - b.offset);
    const parts = having.map((cursor) => ({ offset: cursor.offset, entry: cursor.current as WordEntry }));
    for (const cursor of having) {
      cursor.next();
      if (cursor.current) heap.push(cursor);
    }
    const word = parts[0].entry.word;
    const terms = options.groupsOf?.(word) ?? [];
    let same = 0;
    while (same < open.length && same < terms.length && open[same].term === terms[same]) same++;
    if (open.length > same) await closeGroups(same);
    for (const term of terms.slice(same)) open.push({ term, keys: new PositionKeys(), firstChunk: chunks.length });
    if (count === 0) first = word;
    last = word;
    if (open.length === 0) size += mergeWord(words, word, parts);
    else {
      scratch.reset();
      size += mergeWord(scratch, word, parts);
      const bytes = scratch.bytes();
      words.raw(bytes);
      entryKeys(bytes, open[open.length - 1].keys);
    }
    count++;
    if (size >= options.chunkSize) await flush();
  }
  if (open.length > 0) await closeGroups(0);
  if (count > 0) await flush();
  await Promise.all(writing);
  trimChunkNames(chunks);

  const meta = writeMeta({ version: shards[0].meta.version, pages, chunks, fields });
  const metaHash = `${language}_${contentHash(meta, 11)}`;
  const metaName = `pagefind.${metaHash}.pf_meta`;
  const top = new Set(await readdir(out));
  if (!top.has(metaName)) await writeGzip(join(out, metaName), meta);
  const fragmentsPresent = new Set(await readdir(join(out, 'fragment')));
  for (const { from, name } of fragments) {
    const file = `${name}.pf_fragment`;
    place(from, join(out, 'fragment', file), fragmentsPresent, file);
  }

  // Pagefind's script, worker and WebAssembly, the same in every shard: the search page reads the
  // index itself, but with them the bundle stays one that Pagefind's own script can search.
  const runtime = (await readdir(shards[0].dir)).filter((name) => /^(pagefind\.js|pagefind-worker\.js|wasm\.[\w-]+\.pagefind)$/.test(name));
  for (const name of runtime) place(join(shards[0].dir, name), join(out, name), top, name);

  // What the last build wrote and this one does not have.
  const indexFiles = new Set([...chunkNames].map((hash) => `${hash}.pf_index`));
  const fragmentFiles = new Set(fragments.map(({ name }) => `${name}.pf_fragment`));
  for (const name of await readdir(join(out, 'index'))) if (!indexFiles.has(name)) await rm(join(out, 'index', name), { force: true });
  for (const name of await readdir(join(out, 'fragment')))
    if (!fragmentFiles.has(name)) await rm(join(out, 'fragment', name), { force: true });
  const own = new Set(['index', 'fragment', metaName, 'pagefind-entry.json', ...runtime, ...options.keep]);
  for (const name of await readdir(out)) if (!own.has(name)) await rm(join(out, name), { recursive: true, force: true });

  // The entry names the metadata, and the metadata every other file.
  const merged = { ...entry, languages: { [language]: { ...entry.languages[language], hash: metaHash, page_count: pages.length } } };
  await writeFile(join(out, 'pagefind-entry.json'), JSON.stringify(merged));
  return {
    pages: pages.map(({ hash }) => hash),
    chunks: chunks.map(({ from, hash }) => ({ from, hash, bytes: statSync(join(out, 'index', `${hash}.pf_index`)).size })),
    groups: groups.map(({ term, hash }) => ({ term, hash, bytes: statSync(join(out, 'index', `${hash}.pf_index`)).size })),
    written,
  };
}
