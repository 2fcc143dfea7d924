/**
 * The one segmenter of search: the build indexes the tokens `indexTokens` makes from an article,
 * and the search page looks up the tokens `queryParts` makes from the reader's query with
 * the same code. Indexing and querying therefore agree by construction, which Pagefind's own
 * Chinese support cannot promise: it segments pages with its dictionary segmenter when indexing
 * and queries with the browser's Intl.Segmenter, and the two split words differently
 * (https://github.com/Pagefind/pagefind/issues/1237).
 *
 * Chinese text is cut into overlapping character bigrams (一个汉字 → 一个 个汉 汉字 字): any text
 * that contains a query of two or more characters contains every bigram of the query, at
 * consecutive positions, so Pagefind finds it with no dictionary at all. Each Han character
 * becomes four hex digits of its UTF-16 code units behind a `q` (合肥 → q5408q80a5 → `q540880a5`),
 * an ASCII word that no stemmer, segmenter or lower-casing step in Pagefind or the browser
 * changes. Other text (numbers, Latin words, punctuation) stays as it is.
 *
 * The token stream can be decoded back to the text (`decodeTokens`), so the search page shows
 * readers ordinary sentences, not tokens.
 */

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
const HAN_TOKEN = /^q(?:[0-9a-f]{4}){1,4}z?$/;
/** Ends a lone character's token (see hanTokens); not a hex digit. */
const ALONE = 'z';

function hex(chars: string): string {
  let out = MARK;
  for (let i = 0; i < chars.length; i++) out += chars.charCodeAt(i).toString(16).padStart(4, '0');
  return out;
}

/** The characters of a Han token, or undefined when `token` is not one. */
function unhex(token: string): string[] | undefined {
  if (!HAN_TOKEN.test(token)) return undefined;
  const digits = token.endsWith(ALONE) ? token.slice(1, -1) : token.slice(1);
  const units: number[] = [];
  for (let i = 0; i < digits.length; i += 4) units.push(parseInt(digits.slice(i, i + 4), 16));
  const chars = [...String.fromCharCode(...units)];
  return chars.length <= 2 && chars.every((char) => HAN.test(char)) ? chars : undefined;
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
  if (chars.length === 1) return [hex(chars[0])];
  const tokens: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) tokens.push(hex(chars[i] + chars[i + 1]));
  return tokens;
}

/**
 * A run's bigrams, then its last character alone. Pagefind matches a one-character query as
 * the start of a word, which finds it in every bigram but the run's last: that one needs the
 * extra word. (Queries use `bigrams` only: the extra word stands only at the end of a run.)
 *
 * A lone character's token ends in `z` (甲 → `q7532z`), so that it is never the start of a
 * bigram's token (`q75324e59`): when a query's bigram is in no page, Pagefind searches instead
 * for the longest word of the index that the query's word starts with (find_word_extensions in
 * its pagefind_web/src/search.rs), and would find the lone 甲 at the end of some run: a page
 * with no 甲乙 at all. The one-character query `q7532` still finds `q7532z`, as a word it starts.
 */
function hanTokens(run: string): string[] {
  const chars = [...run];
  return [...(chars.length === 1 ? [] : bigrams(run)), hex(chars[chars.length - 1]) + ALONE];
}

/**
 * The words Pagefind indexes for `text`, in order. White space between two non-Chinese words
 * separates them as before; white space next to Chinese text becomes a GAP word so that
 * `decodeTokens` can put it back.
 */
export function indexTokens(text: string): string[] {
  const tokens: string[] = [];
  const list = pieces(text);
  list.forEach((piece, i) => {
    if (piece.kind === 'han') tokens.push(...hanTokens(piece.text));
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
  let out = '';
  let previous: 'han' | 'other' | 'gap' | undefined;
  for (const token of content.split(' ')) {
    if (token === '') continue;
    if (token === GAP) {
      out += ' ';
      previous = 'gap';
      continue;
    }
    const chars = unhex(token);
    // The lone last character after a run's bigrams repeats what is already there.
    if (chars?.length === 1 && previous === 'han') continue;
    if (chars) {
      // Consecutive Han tokens are bigrams of one run: each adds its second character.
      out += previous === 'han' ? chars[chars.length - 1] : chars.join('');
      previous = 'han';
    } else {
      // Two plain words in a row were separated by white space; next to Chinese there is a GAP.
      out += (previous === 'other' ? ' ' : '') + token;
      previous = 'other';
    }
  }
  return out;
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

/** The parts of a query as plain text, for highlighting (the same split as `queryParts`). */
export function queryPhrases(query: string): string[] {
  return query.split(/\s+/).filter((part) => queryParts(part).length > 0);
}
