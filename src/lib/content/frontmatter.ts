import matter from 'gray-matter';
import { CORE_SCHEMA, load, YAMLException } from 'js-yaml';

/**
 * Splits an article into frontmatter and body, and says on which line each field is, so that
 * errors can point at it.
 *
 * gray-matter finds the `---` block; the YAML inside is read by js-yaml 4 with the YAML 1.2 core
 * schema, which has no timestamp type. gray-matter's own engine (js-yaml 3, default schema)
 * would turn `date: 2023-04-07 09:30:00` into a UTC instant, eight hours off Beijing time; here
 * every date stays text and src/lib/content/dates.ts decides what it means.
 *
 * Cost (the check reads 10,000 articles in under two seconds): gray-matter copies its input
 * into a Buffer and looks the whole input up in its cache on every call, so it is given the
 * frontmatter block only (findBlock), and the body is decoded from the file's bytes once.
 * Options are always passed, so gray-matter keeps no `matter.cache` copy of any file.
 */

export interface Frontmatter {
  data: Record<string, unknown>;
  body: string;
  /** 1-based line in the file of the body's first line: a line N of the body is line bodyLine + N - 1 of the file. */
  bodyLine: number;
  /** 1-based line in the file of a top-level field, if it is there. */
  fieldLine: (field: string) => number | undefined;
}

export interface FrontmatterError {
  line: number;
  field?: string;
  message: string;
}

export type FrontmatterResult = { ok: true; value: Frontmatter } | { ok: false; error: FrontmatterError };

const OPTIONS = { engines: { yaml: (text: string) => load(text, { schema: CORE_SCHEMA }) as object } };

const UNCLOSED = '头部信息缺少结束的 --- 行 / the frontmatter has no closing --- line';
const NOT_YAML = '头部信息只能用 YAML，第一行应只有 --- / the frontmatter must be YAML: its first line must be just ---';

/** gray-matter closes the block at the first line that starts with `---` (a Buffer needle saves a conversion per file). */
const CLOSE = '\n---';
const CLOSE_BYTES = Buffer.from(CLOSE);

/** The first line of an opening `---` as gray-matter reads it: `---`, or `---yaml` naming the language. */
const YAML_OPENING = /^---[ \t]*(?:ya?ml[ \t]*)?\n$/i;

/**
 * The frontmatter block as gray-matter reads it, found before calling it: a first line starting
 * `---` (not `----`) opens it, the next line starting `---` closes it. Also what gray-matter would
 * read wrongly for us: an opening `---` with no closing line (it would read the whole file as
 * YAML), and another language named after the opening `---` (`---js` would be run through
 * eval()). gray-matter is then given only the block: it hashes its whole input for a cache
 * lookup on every call, which on a whole article cost more than all its parsing.
 */
function findBlock(input: string | Buffer): { end: number } | { error: FrontmatterError } | undefined {
  const text = typeof input === 'string';
  const end = text ? input.indexOf('\n') : input.indexOf(0x0a);
  const upTo = end === -1 ? input.length : end + 1;
  const first = (text ? input.slice(0, upTo) : input.toString('utf8', 0, upTo)).replace(/^\uFEFF/, '');
  if (!first.startsWith('---') || first[3] === '-') return undefined;
  const close = end === -1 ? -1 : text ? input.indexOf(CLOSE, end) : input.indexOf(CLOSE_BYTES, end);
  if (close === -1) return { error: { line: 1, message: UNCLOSED } };
  if (!YAML_OPENING.test(first)) return { error: { line: 1, message: NOT_YAML } };
  const closingLineEnd = text ? input.indexOf('\n', close + 1) : input.indexOf(0x0a, close + 1);
  return { end: closingLineEnd === -1 ? input.length : closingLineEnd + 1 };
}

/** `title: …` or `"title": …` at the start of a line: a top-level key. */
const TOP_LEVEL_KEY = /^(?:"([^"]+)"|'([^']+)'|([^\s#:'"[\]{},&*!|>%@`-][^:#]*?|-[^\s:#][^:#]*?))\s*:(?:\s|$)/;

function keyOf(line: string): string | undefined {
  const match = TOP_LEVEL_KEY.exec(line);
  return match ? (match[1] ?? match[2] ?? match[3]).trim() : undefined;
}

/**
 * The file line of every top-level key: js-yaml keeps no positions, but top-level keys of a
 * block mapping start in the first column, and line N of gray-matter's `matter` (which keeps
 * the rest of the opening line) is line N of the file. The first occurrence wins.
 */
function keyLines(yamlText: string): Map<string, number> {
  const lines = new Map<string, number>();
  yamlText.split('\n').forEach((text, index) => {
    const field = keyOf(text);
    if (field !== undefined && !lines.has(field)) lines.set(field, index + 1);
  });
  return lines;
}

function yamlError(error: YAMLException): FrontmatterError {
  const line = error.mark.line + 1;
  if (error.reason === 'duplicated mapping key') {
    // The mark is in the YAML text gray-matter gave js-yaml, whose line N is line N of the file.
    return { line, field: keyOf(error.mark.buffer.split('\n')[line - 1] ?? ''), message: '字段重复 / a field appears twice' };
  }
  return { line, message: `YAML 语法错误 / YAML syntax error: ${error.reason}` };
}

/** How many newlines the first `end` characters (or bytes) hold: the frontmatter block's lines. */
function lineCount(input: string | Buffer, end: number): number {
  let count = 0;
  if (typeof input === 'string') for (let at = input.indexOf('\n'); at !== -1 && at < end; at = input.indexOf('\n', at + 1)) count++;
  else for (let at = 0; at < end; at++) if (input[at] === 0x0a) count++;
  return count;
}

/** An article's text, or its bytes once they are known to be UTF-8 (the cheaper input, see above). */
export function parseFrontmatter(source: string | Buffer): FrontmatterResult {
  // CRLF from Windows editors is fine: normalising it keeps line numbers the same.
  const input = source.includes('\r') ? source.toString().replace(/\r\n?/g, '\n') : source;
  const block = findBlock(input);
  if (block && 'error' in block) return { ok: false, error: block.error };
  const headEnd = block?.end ?? 0;
  const decode = (from: number, to?: number) => (typeof input === 'string' ? input.slice(from, to) : input.toString('utf8', from, to));

  let file: matter.GrayMatterFile<string>;
  try {
    file = matter(decode(0, headEnd), OPTIONS);
  } catch (error) {
    if (error instanceof YAMLException) return { ok: false, error: yamlError(error) };
    throw error;
  }
  const data: unknown = file.data;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { ok: false, error: { line: 2, message: '头部信息应为“字段: 值”的形式 / frontmatter must be a list of "field: value" lines' } };
  }
  // Lines are wanted only for problems: most articles have none, so they are found on demand.
  const yamlText = file.matter;
  let lines: Map<string, number> | undefined;
  const fieldLine = (field: string) => (lines ??= keyLines(yamlText)).get(field);
  const body = decode(headEnd).replace(/^\uFEFF/, '');
  // The block ends with its closing line's newline, so the body starts on the line after it.
  const bodyLine = lineCount(input, headEnd) + 1;
  return { ok: true, value: { data: data as Record<string, unknown>, body, bodyLine, fieldLine } };
}
