import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { copyFileSync, linkSync, readdirSync, readFileSync, statSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gzip as gzipCallback } from 'node:zlib';
import { CborWriter } from '@/lib/search/cbor';
import {
  chunkData,
  contentHash,
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
  pages: number;
  chunks: number;
  /** Index chunks compressed and written by this merge (the others were in `out` already). */
  written: number;
  /** Per shard: fragment hashes that another shard's page had too, and the name each has now. */
  renamed: Map<string, string>[];
}

/** Positions per index chunk, as the shards were written with (PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE). */
export interface MergeOptions {
  chunkSize: number;
  keep: readonly string[];
}

interface ShardInput {
  dir: string;
  language: string;
  entry: { version: string; languages: Record<string, { hash: string; wasm: string | null; page_count: number }> };
  meta: ShardMeta;
}

async function readShard(dir: string): Promise<ShardInput> {
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

export async function mergeBundles(shardDirs: readonly string[], out: string, options: MergeOptions): Promise<MergedBundle> {
  if (shardDirs.length === 0) throw new Error('search index: no shards to merge');
  const shards = await Promise.all(shardDirs.map(readShard));
  const { language, entry } = shards[0];
  for (const shard of shards) {
    if (shard.language !== language) throw new Error(`${shard.dir}: language ${shard.language}, not ${language}`);
    if (shard.meta.version !== shards[0].meta.version)
      throw new Error(`${shard.dir}: Pagefind ${shard.meta.version}, not ${shards[0].meta.version}`);
  }
  await mkdir(join(out, 'index'), { recursive: true });
  await mkdir(join(out, 'fragment'), { recursive: true });

  // Pages: the shards' one after another. A page hash is its fragment's name: where two shards
  // have the same (Pagefind makes it unique within a shard only), the later page gets a longer one.
  const names = new Set<string>();
  const renamed = shards.map(() => new Map<string, string>());
  const pages: ShardMeta['pages'] = [];
  const fragments: { from: string; name: string }[] = [];
  shards.forEach((shard, i) => {
    for (const page of shard.meta.pages) {
      const from = join(shard.dir, 'fragment', `${page.hash}.pf_fragment`);
      let name = page.hash;
      if (names.has(name)) {
        const full = contentHash(readFileSync(from), 40);
        for (let length = 1; names.has(name); length++) name = `${page.hash}${full.slice(0, length)}`;
        renamed[i].set(page.hash, name);
      }
      names.add(name);
      pages.push({ ...page, hash: name });
      fragments.push({ from, name });
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
  const chunkNames = new Set<string>();
  const writing = new Set<Promise<void>>();
  // Chunks of the last build: names are content hashes, so one of the same name is the same chunk.
  const present = new Set(readdirSync(join(out, 'index')));
  let written = 0;
  const words = new CborWriter();
  let count = 0;
  let first = '';
  let last = '';
  let size = 0;
  const flush = async () => {
    const data = chunkData(count, words.bytes());
    const full = contentHash(data, 40);
    let length = 10;
    while (chunkNames.has(`${language}_${full.slice(0, length)}`)) length++;
    const hash = `${language}_${full.slice(0, length)}`;
    chunkNames.add(hash);
    chunks.push({ from: first, to: last, hash });
    words.reset();
    count = 0;
    size = 0;
    if (present.has(`${hash}.pf_index`)) return;
    const path = join(out, 'index', `${hash}.pf_index`);
    written++;
    const task = writeGzip(path, data).finally(() => writing.delete(task));
    writing.add(task);
    if (writing.size >= WRITING) await Promise.race(writing);
  };
  for (;;) {
    let lowest: Buffer | undefined;
    for (const cursor of cursors) {
      const current = cursor.current;
      if (current && (!lowest || Buffer.compare(current.key, lowest) < 0)) lowest = current.key;
    }
    if (!lowest) break;
    const parts: { offset: number; entry: WordEntry }[] = [];
    for (const cursor of cursors) {
      const current = cursor.current;
      if (current && current.key.equals(lowest)) {
        parts.push({ offset: cursor.offset, entry: current });
        cursor.next();
      }
    }
    const word = parts[0].entry.word;
    if (count === 0) first = word;
    last = word;
    size += mergeWord(words, word, parts);
    count++;
    if (size >= options.chunkSize) await flush();
  }
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

  // Pagefind's script, worker and WebAssembly, the same in every shard.
  const runtime = (await readdir(shards[0].dir)).filter((name) => /^(pagefind\.js|pagefind-worker\.js|wasm\.[\w-]+\.pagefind)$/.test(name));
  for (const name of runtime) place(join(shards[0].dir, name), join(out, name), top, name);

  // What the last build wrote and this one does not have.
  const chunkFiles = new Set([...chunkNames].map((hash) => `${hash}.pf_index`));
  const fragmentFiles = new Set(fragments.map(({ name }) => `${name}.pf_fragment`));
  for (const name of await readdir(join(out, 'index'))) if (!chunkFiles.has(name)) await rm(join(out, 'index', name), { force: true });
  for (const name of await readdir(join(out, 'fragment')))
    if (!fragmentFiles.has(name)) await rm(join(out, 'fragment', name), { force: true });
  const own = new Set(['index', 'fragment', metaName, 'pagefind-entry.json', ...runtime, ...options.keep]);
  for (const name of await readdir(out)) if (!own.has(name)) await rm(join(out, name), { recursive: true, force: true });

  // The entry names the metadata, and the metadata every other file.
  const merged = { ...entry, languages: { [language]: { ...entry.languages[language], hash: metaHash, page_count: pages.length } } };
  await writeFile(join(out, 'pagefind-entry.json'), JSON.stringify(merged));
  return { pages: pages.length, chunks: chunks.length, written, renamed };
}
