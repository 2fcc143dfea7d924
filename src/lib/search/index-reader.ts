import { CborReader } from '@/lib/search/cbor';

/**
 * The search page's reader of the site's Pagefind index (written by Pagefind, merged by
 * src/lib/search/merge-bundle.ts): which index chunks may hold a search word, and the pages and
 * positions of the words a chunk has that start with it. It reads what Pagefind's own
 * WebAssembly would (pagefind_web/src/index.rs, 1.6), without Pagefind's script, worker,
 * WebAssembly, entry and metadata: five requests and, at 100,000 articles, about 350 KB that a
 * reader on a phone no longer loads for a query. The page table (ranking.ts) lists the chunks,
 * and a page's number in the index is its place in the table.
 * Nothing here may import a build-only module: it is bundled for the browser.
 */

/**
 * UTF-8 byte order, the order of the index's words: JavaScript compares UTF-16 code units, which
 * put a character beyond U+FFFF (a surrogate pair) below U+E000-U+FFFF; in UTF-8 it is above.
 */
export function compareWords(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    const surrogateX = x >= 0xd800 && x <= 0xdfff;
    const surrogateY = y >= 0xd800 && y <= 0xdfff;
    if (surrogateX !== surrogateY) return surrogateX ? 1 : -1;
    return x - y;
  }
  return a.length - b.length;
}

/**
 * The chunks that may hold a word starting with `term` (`from`: each chunk's first word, or the
 * shortest prefix of it that sorts after the chunk before, as Pagefind names chunks). A chunk's
 * words sort from its `from` up to, not including, the next chunk's `from`; so the words that
 * start with `term` are in the last chunk whose `from` is at most `term`, and in the chunks after
 * it whose `from` starts with `term`. A two-character word is in one chunk; a one-character word
 * is the start of every word of that character, which may span several.
 */
export function chunksFor(from: readonly string[], term: string): number[] {
  let low = 0;
  let high = from.length;
  // The first chunk whose `from` sorts after `term`.
  while (low < high) {
    const middle = (low + high) >> 1;
    if (compareWords(from[middle], term) <= 0) low = middle + 1;
    else high = middle;
  }
  const chunks = low > 0 ? [low - 1] : [];
  for (let i = low; i < from.length && from[i].startsWith(term); i++) chunks.push(i);
  return chunks;
}

/** What starts every Pagefind file once un-gzipped. */
export const PAGEFIND_SIGNATURE = 'pagefind_dcd';

/** A Pagefind file's CBOR, from its bytes once un-gzipped. Throws when it is not a Pagefind file. */
export function withoutSignature<T extends Uint8Array>(bytes: T, name: string): T {
  for (let i = 0; i < PAGEFIND_SIGNATURE.length; i++) {
    if (bytes[i] !== PAGEFIND_SIGNATURE.charCodeAt(i)) throw new Error(`${name}: not a Pagefind file (no pagefind_dcd signature)`);
  }
  return bytes.subarray(PAGEFIND_SIGNATURE.length) as T;
}

/**
 * Where a search word (or words) stands in a page: its positions, ascending, and the last of them
 * in the page's title (-1: none). The title is the only text of a search record that Pagefind
 * weighs above body text (src/lib/search/records.ts: it is the record's one heading), so a
 * position with a heading's weight is in it.
 */
export interface PageHits {
  at: number[];
  titleEnd: number;
}

/** Each page that has a search word (or words), by page number. */
export type WordPages = Map<number, PageHits>;

/**
 * The least weight of a title's words: a heading's words weigh several times body text's (an h1
 * 7 times; Pagefind 1.6 writes body text as 24, an h1 as 168).
 */
const TITLE_WEIGHT = 50;

/** What reading a word's entry calls: at each page, then at each of its positions in turn. */
export interface PageVisitor {
  page(page: number): void;
  position(position: number, inTitle: boolean): void;
}

/**
 * A word's pages from the reader at them, to `visit`. Pagefind writes a page as [its number
 * less the previous page's, its positions, the positions in its metadata fields, …]; a position
 * is the distance from the one before, and a negative number -(w + 1) gives the words after it
 * the weight w, the next position then counting from 0 again.
 */
function readPages(reader: CborReader, visit: PageVisitor | undefined): void {
  const count = reader.array();
  let page = 0;
  for (let i = 0; i < count; i++) {
    const items = reader.array();
    page += reader.unsigned();
    const positions = reader.array();
    if (visit) {
      visit.page(page);
      let position = 0;
      let title = false;
      for (let k = 0; k < positions; k++) {
        const value = reader.integer();
        if (value < 0) {
          position = 0;
          title = -value - 1 >= TITLE_WEIGHT;
          continue;
        }
        visit.position((position += value), title);
      }
    } else reader.skipIntegers(positions);
    if (items >= 3) reader.skipIntegers(reader.array());
    for (let k = 3; k < items; k++) reader.skip();
  }
}

/**
 * Reads a word entry's pages and its variants' (the entry's `items` items, its word read), to
 * `visit` if given: the search page's hits (`wordPages`) and the merge's groups
 * (merge-index.ts entryKeys).
 */
export function readEntry(reader: CborReader, items: number, visit: PageVisitor | undefined): void {
  readPages(reader, visit);
  if (items >= 3) {
    const variants = reader.array();
    for (let v = 0; v < variants; v++) {
      const variantItems = reader.array();
      reader.skip();
      readPages(reader, visit);
      for (let k = 2; k < variantItems; k++) reader.skip();
    }
  }
  for (let k = 3; k < items; k++) reader.skip();
}

/**
 * The pages of the words in a chunk that start with `term`, with their positions in ascending
 * order; a word's variants (other diacritics of it: café for cafe) count as the word, as in
 * Pagefind's own search. Pagefind writes a chunk as [[word, pages, variants [[form, pages]]], …],
 * words in byte order, so the reading stops at the first word past them.
 */
export function wordPages(data: Uint8Array, term: string, found: WordPages = new Map()): WordPages {
  let hits: PageHits = { at: [], titleEnd: -1 };
  const visit: PageVisitor = {
    page(page) {
      const known = found.get(page);
      if (known) hits = known;
      else found.set(page, (hits = { at: [], titleEnd: -1 }));
    },
    position(position, inTitle) {
      hits.at.push(position);
      if (inTitle && position > hits.titleEnd) hits.titleEnd = position;
    },
  };
  const reader = new CborReader(data);
  reader.array();
  const words = reader.array();
  for (let i = 0; i < words; i++) {
    const items = reader.array();
    const word = reader.text();
    const match = word.startsWith(term);
    if (!match && compareWords(word, term) > 0) break;
    readEntry(reader, items, match ? visit : undefined);
  }
  for (const hits of found.values()) hits.at.sort((a, b) => a - b);
  return found;
}
