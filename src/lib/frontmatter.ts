import { CORE_SCHEMA, load, YAMLException } from 'js-yaml';

/**
 * Splits an article into frontmatter and body, remembering the line of every field so that
 * errors can point at it.
 *
 * The `---` block is found by splitFrontmatter; the YAML inside is read by js-yaml 4 with the YAML 1.2
 * core schema, which has no timestamp type. js-yaml's default schema (and gray-matter's bundled
 * js-yaml 3) would turn `date: 2023-04-07 09:30:00` into a UTC instant, eight hours off Beijing
 * time; here every date stays text and src/lib/dates.ts decides what it means.
 *
 * Why js-yaml rather than `yaml`, and no gray-matter: the editors' check reads every article on
 * every run and must stay under two seconds for 10,000 of them. js-yaml read 10,000 sample
 * frontmatters in 0.26 s where `yaml`'s parseDocument took 2.0 s; gray-matter cost 0.6 s more
 * (it copies every file into a Buffer and rebuilds its options per call) for what is a search
 * for two `---` lines. js-yaml keeps no positions, so field lines come from the block's own
 * lines: top-level keys of a block mapping always start in the first column.
 */

export interface Frontmatter {
  data: Record<string, unknown>;
  body: string;
  /** 1-based line in the file of each top-level field. */
  fieldLines: Map<string, number>;
}

export interface FrontmatterError {
  line: number;
  field?: string;
  message: string;
}

export type FrontmatterResult = { ok: true; value: Frontmatter } | { ok: false; error: FrontmatterError };

/**
 * The YAML between a first line `---` and the next line `---`, and the body after it, as
 * gray-matter splits them. The YAML keeps the rest of the first line, so its line N is line N
 * of the file. No frontmatter at all gives undefined; an unclosed block is an error.
 */
export function splitFrontmatter(text: string): { yaml?: string; body: string } | { unclosed: true } {
  const firstEnd = text.indexOf('\n');
  if (!/^---[ \t]*$/.test(firstEnd === -1 ? text : text.slice(0, firstEnd))) return { body: text };
  const close = /\n---[ \t]*(?:\n|$)/g;
  close.lastIndex = firstEnd;
  const found = firstEnd === -1 ? null : close.exec(text);
  if (!found) return { unclosed: true };
  return { yaml: text.slice(3, found.index), body: text.slice(found.index + found[0].length) };
}

/** `title: …` or `"title": …` at the start of a line: a top-level key. */
const TOP_LEVEL_KEY = /^(?:"([^"]+)"|'([^']+)'|([^\s#:'"[\]{},&*!|>%@`-][^:#]*?|-[^\s:#][^:#]*?))\s*:(?:\s|$)/;

/**
 * The file line of every top-level key (the YAML's line N is line N of the file).
 */
function topLevelKeys(yamlText: string): Array<{ field: string; line: number }> {
  const keys: Array<{ field: string; line: number }> = [];
  yamlText.split('\n').forEach((text, index) => {
    const match = TOP_LEVEL_KEY.exec(text);
    if (match) keys.push({ field: (match[1] ?? match[2] ?? match[3]).trim(), line: index + 1 });
  });
  return keys;
}

function yamlError(error: YAMLException, keys: Array<{ field: string; line: number }>): FrontmatterError {
  const line = error.mark.line + 1;
  if (error.reason === 'duplicated mapping key') {
    return { line, field: keys.find((key) => key.line === line)?.field, message: '字段重复 / a field appears twice' };
  }
  return { line, message: `YAML 语法错误 / YAML syntax error: ${error.reason}` };
}

export function parseFrontmatter(source: string): FrontmatterResult {
  // CRLF from Windows editors is fine: normalising it keeps line numbers the same.
  const text = source.includes('\r') ? source.replace(/\r\n?/g, '\n') : source;
  const file = splitFrontmatter(text);
  if ('unclosed' in file) {
    return { ok: false, error: { line: 1, message: '头部信息缺少结束的 --- 行 / the frontmatter has no closing --- line' } };
  }
  const yamlText = file.yaml;
  if (yamlText === undefined) return { ok: true, value: { data: {}, body: file.body, fieldLines: new Map() } };

  const keys = topLevelKeys(yamlText);
  let data: unknown;
  try {
    data = load(yamlText, { schema: CORE_SCHEMA });
  } catch (error) {
    if (error instanceof YAMLException) return { ok: false, error: yamlError(error, keys) };
    throw error;
  }
  if (data !== null && data !== undefined && (typeof data !== 'object' || Array.isArray(data))) {
    return { ok: false, error: { line: 2, message: '头部信息应为“字段: 值”的形式 / frontmatter must be a list of "field: value" lines' } };
  }
  // The first occurrence wins, as it does for duplicates (which are an error anyway).
  const fieldLines = new Map<string, number>();
  for (const { field, line } of keys) if (!fieldLines.has(field)) fieldLines.set(field, line);
  return { ok: true, value: { data: (data ?? {}) as Record<string, unknown>, body: file.body, fieldLines } };
}
