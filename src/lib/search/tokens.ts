/**
 * The one segmenter of search: the build indexes the tokens `indexTokens` makes from an article,
 * and the search page looks up the tokens `queryParts` makes from the reader's query with
 * the same code. Indexing and querying therefore agree by construction, which Pagefind's own
 * Chinese support cannot promise: it segments pages with its dictionary segmenter when indexing
 * and queries with the browser's Intl.Segmenter, and the two split words differently
 * (https://github.com/Pagefind/pagefind/issues/1237).
 *
 * Chinese text gets one word per character, which starts there (一个汉字 → 一个 个汉 汉字 字): a
 * character bigram, or a longer gram where the bigram or the next one is common (`gramAt`, below). Any text
 * that contains a query of two or more characters has, at consecutive positions, words that
 * start with each of the query's bigrams, so Pagefind finds it with no dictionary at all. Each
 * Han character becomes three base-35 digits behind a `q` (合肥 → `q6oag0l`, see DIGITS), an
 * ASCII word that no stemmer, segmenter or lower-casing step in Pagefind or the browser changes.
 * Other text (numbers, Latin words, punctuation) stays as it is.
 *
 * The token stream can be decoded back to the text (`decodeTokens`): the build writes each page's
 * fragment with its text (page-table.ts readFragment), so the search page shows readers
 * ordinary sentences, not tokens.
 */

import { COMMON_GRAMS } from '@/lib/search/gram-list';

/** Prefix of a Han token. Pagefind lower-cases words, so it is lower-case itself. */
const MARK = 'q';
/**
 * Stands for white space next to Chinese text, so decoding knows where it was. U+2060 WORD
 * JOINER is not white space (Pagefind would drop it) and has no letters (Pagefind indexes no
 * word for it); it is invisible, so it is removed from the input first.
 */
export const GAP = '\u2060';

const HAN = /\p{Script=Han}/u;
const PIECE = /(\p{Script=Han}+)|(\s+)|([^\s\p{Script=Han}]+)/gu;
/** Ends a lone character's token (see hanTokens); not a digit. */
const ALONE = 'z';
/**
 * The digits of a character's code: base 35, lower-case (Pagefind lower-cases words), without
 * ALONE. Three digits hold the characters from U+3400 on, all of the CJK Unified Ideographs
 * of the Basic Plane (the Chinese of almost every text), whose first digit is never the last
 * digit; any other character is that digit and its code point in four digits. The code is
 * prefix-free, so a word's characters are read from its start, and a gram's code starts
 * with the codes of its first characters, as prefix search needs. Hex would take four digits
 * a character: a third more bytes in every index chunk a reader loads.
 */
const DIGITS = '0123456789abcdefghijklmnopqrstuvwxy';
const BASE = DIGITS.length;
const FIRST = 0x3400;
const WIDE = DIGITS[BASE - 1];
const SHORT_CODES = (BASE - 1) * BASE * BASE;

function digits(value: number, width: number): string {
  let out = '';
  for (let i = 0; i < width; i++, value = Math.floor(value / BASE)) out = DIGITS[value % BASE] + out;
  return out;
}

function code(char: string): string {
  const point = char.codePointAt(0) ?? 0;
  return point >= FIRST && point - FIRST < SHORT_CODES ? digits(point - FIRST, 3) : WIDE + digits(point, 4);
}

/** Codes made so far: an archive has a few thousand distinct characters and millions of grams. */
const CODES = new Map<string, string>();

function cachedCode(char: string): string {
  let found = CODES.get(char);
  if (found === undefined) CODES.set(char, (found = code(char)));
  return found;
}

function encode(chars: string): string {
  let out = MARK;
  for (const char of chars) out += cachedCode(char);
  return out;
}

/** The Han character a code stands for (its digits, after WIDE for a wide one), or undefined. */
function decodeCode(code: string): string | undefined {
  const wide = code[0] === WIDE;
  let value = 0;
  for (let i = wide ? 1 : 0; i < code.length; i++) value = value * BASE + DIGITS.indexOf(code[i]);
  const point = wide ? value : value + FIRST;
  if (point > 0x10ffff) return undefined;
  const char = String.fromCodePoint(point);
  return HAN.test(char) ? char : undefined;
}

/** Characters decoded so far, by code: the search page's excerpts decode thousands of words. */
const CHARS = new Map<string, string | undefined>();

/** The character whose code starts at `at` of a token, and where the next one starts. */
function decodeAt(token: string, at: number): { char: string; next: number } | undefined {
  const next = at + (token[at] === WIDE ? 5 : 3);
  if (next > token.length) return undefined;
  const code = token.slice(at, next);
  let char = CHARS.get(code);
  if (char === undefined && !CHARS.has(code)) CHARS.set(code, (char = decodeCode(code)));
  return char === undefined ? undefined : { char, next };
}

/** The characters of a Han token, or undefined when `token` is not one. */
export function tokenChars(token: string): string[] | undefined {
  if (!hanForm(token, 0, token.length)) return undefined;
  const end = token.endsWith(ALONE) ? token.length - 1 : token.length;
  const chars: string[] = [];
  for (let at = 1; at < end;) {
    const found = decodeAt(token, at);
    if (!found || chars.length === LONGEST_GRAM) return undefined;
    chars.push(found.char);
    at = found.next;
  }
  return chars.length > 0 ? chars : undefined;
}

/**
 * Whether content[start, end) has the form of a Han token (`q`, at least one code's digits,
 * perhaps ALONE), read by character code: decodeTokens checks every word of every fragment.
 */
function hanForm(content: string, start: number, end: number): boolean {
  if (content.charCodeAt(start) !== 0x71 || end - start < 4) return false;
  const last = content.charCodeAt(end - 1) === 0x7a ? end - 1 : end;
  for (let i = start + 1; i < last; i++) {
    const unit = content.charCodeAt(i);
    if (!((unit >= 0x30 && unit <= 0x39) || (unit >= 0x61 && unit <= 0x79))) return false;
  }
  return last - start > 3;
}

/** The first character of the Han token content[start, end), or undefined when it is not one: all decoding needs (decodeTokens). */
function firstChar(content: string, start: number, end: number): string | undefined {
  if (!hanForm(content, start, end)) return undefined;
  const found = decodeAt(content, start + 1);
  return found && found.next <= end ? found.char : undefined;
}

type Piece = { kind: 'han' | 'space' | 'other'; text: string };

function pieces(text: string): Piece[] {
  const result: Piece[] = [];
  for (const match of text.replaceAll(GAP, '').matchAll(PIECE)) {
    result.push({ kind: match[1] ? 'han' : match[2] ? 'space' : 'other', text: match[0] });
  }
  return result;
}

/** The bigrams of a run of Han characters; a lone character stands for itself. */
function bigrams(run: string): string[] {
  const chars = [...run];
  if (chars.length === 1) return [encode(chars[0])];
  const tokens: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) tokens.push(encode(chars[i] + chars[i + 1]));
  return tokens;
}

/** The longest word a run of Chinese gets at one character (8 characters: 经济技术开发区 and one more). */
export const LONGEST_GRAM = 8;

/**
 * Every common gram (gram-list.ts lists the longest ones; each one's starts of two characters
 * or more are common too).
 */
export function commonGrams(list: string): Set<string> {
  const grams = new Set<string>();
  for (const gram of list.split(' ')) {
    const chars = [...gram];
    for (let length = 2; length <= chars.length; length++) grams.add(chars.slice(0, length).join(''));
  }
  return grams;
}

const COMMON = commonGrams(COMMON_GRAMS);

/** The shortest gram from `start` that is not common, or the common gram to the run's end, at most LONGEST_GRAM. */
function commonRun(chars: readonly string[], start: number, common: ReadonlySet<string>): number {
  let length = 2;
  let gram = chars[start] + chars[start + 1];
  while (start + length < chars.length && length < LONGEST_GRAM && common.has(gram)) gram += chars[start + length++];
  return length;
}

/**
 * How many characters the word at `start` of a run of Han characters has, at most
 * LONGEST_GRAM. A bigram in most articles (产业, 开发) holds millions of positions at 100,000
 * articles, which a query that needs it must load; its longer grams (产业集群, 开发区产) are as
 * rare as the phrases they start, and a query loads those: where the bigram is common, the word
 * is the shortest gram from there that is not (`commonRun`). The character before a common
 * gram runs on through it (肥高 before 高新区管 → 肥高新区管): a query that ends on a common
 * gram (合肥高新区) then reaches its end with a word as rare as its own start, instead of with
 * every word that starts with the common gram (高新区…, a group of every article that has it).
 * The word depends on the characters it is made of and nothing else, so the search page finds
 * the same words in the query (`phraseTerms`).
 */
function gramAt(chars: readonly string[], start: number, common: ReadonlySet<string>): number {
  if (common.has(chars[start] + chars[start + 1])) return commonRun(chars, start, common);
  if (start + 2 < chars.length && common.has(chars[start + 1] + chars[start + 2]))
    return Math.min(LONGEST_GRAM, 1 + commonRun(chars, start + 1, common));
  return 2;
}

/**
 * The search words shorter than an index word that find it among others, shortest first: what
 * `phraseTerms` makes where a query ends within the word. For a word lengthened from a common
 * gram (产业集群), the common grams it starts with (产业, 产业集); for a character before a
 * common gram (肥高新区管), itself with the common gram's starts (肥高新, 肥高新区). The merge
 * writes the words after each of them once more as one file where they span many chunks (a
 * group). None for a bigram, a lone character or a word that is not Chinese.
 */
export function prefixTerms(token: string, common: ReadonlySet<string> = COMMON): string[] {
  const chars = tokenChars(token);
  if (!chars || token.endsWith(ALONE) || chars.length < 3) return [];
  // Where the word's own bigram is common, its starts from two characters; else from three,
  // each its first character and a common gram.
  const from = common.has(chars[0] + chars[1]) ? 0 : 1;
  const terms: string[] = [];
  for (let length = 2; from + length <= chars.length && common.has(chars.slice(from, from + length).join('')); length++)
    terms.push(encode(chars.slice(0, from + length).join('')));
  return terms;
}

/**
 * A run's words, then its last character alone. Pagefind matches a one-character query as
 * the start of a word, which finds it in every bigram but the run's last: that one needs the
 * extra word. (Queries use `bigrams` only: the extra word stands only at the end of a run.)
 *
 * A lone character's token ends in `z` (甲 → `qdluz`), so that it is never the start of a
 * bigram's token (甲乙 → `qdlu5hp`): when a query's bigram is in no page, Pagefind searches instead
 * for the longest word of the index that the query's word starts with (find_word_extensions in
 * its pagefind_web/src/search.rs), and would find the lone 甲 at the end of some run: a page
 * with no 甲乙 at all. The one-character query `qdlu` still finds `qdluz`, as a word it starts.
 */
function hanTokens(run: string, common: ReadonlySet<string>): string[] {
  const chars = [...run];
  const codes = chars.map(cachedCode);
  const tokens: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) {
    const end = i + gramAt(chars, i, common);
    let token = MARK;
    for (let k = i; k < end; k++) token += codes[k];
    tokens.push(token);
  }
  tokens.push(MARK + codes[codes.length - 1] + ALONE);
  return tokens;
}

/**
 * The words Pagefind indexes for `text`, in order. White space between two non-Chinese words
 * separates them as before; white space next to Chinese text becomes a GAP word so that
 * `decodeTokens` can put it back.
 */
export function indexTokens(text: string, common: ReadonlySet<string> = COMMON): string[] {
  const tokens: string[] = [];
  const list = pieces(text);
  list.forEach((piece, i) => {
    if (piece.kind === 'han') tokens.push(...hanTokens(piece.text, common));
    else if (piece.kind === 'other') tokens.push(piece.text);
    else if (i > 0 && i < list.length - 1 && (list[i - 1].kind === 'han' || list[i + 1].kind === 'han')) tokens.push(GAP);
  });
  return tokens;
}

/**
 * The text back from its tokens (as Pagefind stores them: joined by single spaces). Runs of
 * white space come back as one space.
 */
export function decodeTokens(content: string): string {
  const out: string[] = [];
  let previous: 'han' | 'other' | 'gap' | undefined;
  for (let start = 0; start < content.length;) {
    let end = content.indexOf(' ', start);
    if (end < 0) end = content.length;
    if (end === start) {
      start++;
      continue;
    }
    const char = firstChar(content, start, end);
    if (end - start === 1 && content[start] === GAP) {
      out.push(' ');
      previous = 'gap';
    } else if (char) {
      // A run has a word at each character but its last, which comes alone after them.
      out.push(char);
      previous = 'han';
    } else {
      // Two plain words in a row were separated by white space; next to Chinese there is a GAP.
      if (previous === 'other') out.push(' ');
      out.push(content.slice(start, end));
      previous = 'other';
    }
    start = end + 1;
  }
  return out.join('');
}

/** The pieces of a query part that Pagefind indexes something for (not punctuation alone). */
function searchable(part: string): Piece[] {
  return pieces(part).filter((piece) => piece.kind === 'han' || (piece.kind === 'other' && /[\p{L}\p{N}]/u.test(piece.text)));
}

const PUNCTUATION = /[\p{Pd}\p{Pe}\p{Pf}\p{Pi}\p{Po}\p{Ps}]/gu;
const MARKS = /\p{M}/gu;

/**
 * A word of the query other than Chinese as the index has it: Pagefind indexes words lower-cased,
 * without punctuation, under their form without diacritics (café under cafe, with café as a
 * variant), and its own search changes the query's words the same way (pagefind_web_js,
 * coupled_search.ts).
 */
function indexWord(text: string): string {
  return text.replace(PUNCTUATION, '').toLocaleLowerCase().normalize('NFD').replace(MARKS, '');
}

/**
 * The reader's query as search words: one list of tokens per space-separated part. Words
 * that are only punctuation are left out, as Pagefind indexes nothing for them.
 */
export function queryParts(query: string): string[][] {
  return query
    .split(/\s+/)
    .map((part) => searchable(part).flatMap((piece) => (piece.kind === 'han' ? bigrams(piece.text) : [indexWord(piece.text)])))
    .filter((tokens) => tokens.length > 0);
}

/**
 * Whether a query part is Chinese of two characters or more (punctuation aside): then its
 * bigrams stand next to each other, in order, in every text that contains it, and an exact
 * (quoted) Pagefind search finds exactly those texts. Mixed with numbers or Latin (2021年), it
 * is not: in the text, the run's last character alone stands between 年 and what follows.
 */
export function isChinesePhrase(part: string): boolean {
  const found = searchable(part);
  return found.length === 1 && found[0].kind === 'han' && [...found[0].text].length > 1;
}

/**
 * The search words of a Chinese phrase (isChinesePhrase) at each of its characters but the
 * last, with how many characters each has: the words the index has there (`gramAt`), or, where
 * that word would run past the phrase's end, the phrase's rest, which the index's word starts
 * with. A page's word starts with the search word at the same place wherever the page has the
 * phrase.
 */
export function phraseTerms(phrase: string, common: ReadonlySet<string> = COMMON): { term: string; length: number }[] {
  const chars = [...searchable(phrase)[0].text];
  const terms: { term: string; length: number }[] = [];
  for (let i = 0; i + 1 < chars.length; i++) {
    const length = gramAt(chars, i, common);
    terms.push({ term: encode(chars.slice(i, i + length).join('')), length });
  }
  return terms;
}

/** The parts of a query as plain text, for highlighting (the same split as `queryParts`). */
export function queryPhrases(query: string): string[] {
  return query.split(/\s+/).filter((part) => queryParts(part).length > 0);
}
