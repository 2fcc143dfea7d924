import matter from 'gray-matter';
import { isMap, isScalar, LineCounter, parseDocument, type Document } from 'yaml';

/**
 * Splits an article into frontmatter and body, remembering the line of every field so that
 * errors can point at it.
 *
 * gray-matter finds the `---` block; the YAML inside is read by `yaml` with the YAML 1.2 core
 * schema, which has no timestamp type. js-yaml (gray-matter's default) would turn
 * `date: 2023-04-07 09:30:00` into a UTC instant, eight hours off Beijing time; here every
 * date stays text and src/lib/dates.ts decides what it means.
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

function firstLine(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}

/** The second occurrence of a top-level field: yaml reports the map, not the key. */
function findDuplicateKey(document: Document, lineCounter: LineCounter): { line: number; field: string } | undefined {
  if (!isMap(document.contents)) return undefined;
  const seen = new Set<string>();
  for (const pair of document.contents.items) {
    if (!isScalar(pair.key) || !pair.key.range) continue;
    const field = String(pair.key.value);
    if (seen.has(field)) return { line: lineCounter.linePos(pair.key.range[0]).line, field };
    seen.add(field);
  }
  return undefined;
}

export function parseFrontmatter(source: string): FrontmatterResult {
  // CRLF from Windows editors is fine: normalising it keeps line numbers the same.
  const text = source.replace(/\r\n?/g, '\n');
  let document: Document | undefined;
  const lineCounter = new LineCounter();
  const file = matter(text, {
    engines: {
      // The string gray-matter hands over starts right after the opening `---`, so YAML line N
      // is line N of the file.
      yaml: (yamlText: string) => {
        document = parseDocument(yamlText, { schema: 'core', lineCounter, prettyErrors: false });
        return {};
      },
    },
  });
  if (!document) return { ok: true, value: { data: {}, body: file.content, fieldLines: new Map() } };

  const [error] = document.errors;
  if (error) {
    if (error.code === 'DUPLICATE_KEY') {
      const duplicate = findDuplicateKey(document, lineCounter);
      if (duplicate) return { ok: false, error: { ...duplicate, message: '字段重复 / a field appears twice' } };
    }
    // Where the parser noticed the problem: for an unclosed [ that is the end of the block.
    const line = Math.min(lineCounter.linePos(error.pos[0]).line, lineCounter.lineStarts.length);
    return { ok: false, error: { line, message: `YAML 语法错误 / YAML syntax error: ${firstLine(error.message)}` } };
  }
  const data: unknown = document.toJS();
  if (data !== null && data !== undefined && (typeof data !== 'object' || Array.isArray(data))) {
    return { ok: false, error: { line: 2, message: '头部信息应为“字段: 值”的形式 / frontmatter must be a list of "field: value" lines' } };
  }

  const fieldLines = new Map<string, number>();
  if (isMap(document.contents)) {
    for (const pair of document.contents.items) {
      if (isScalar(pair.key) && pair.key.range) {
        fieldLines.set(String(pair.key.value), lineCounter.linePos(pair.key.range[0]).line);
      }
    }
  }
  return { ok: true, value: { data: (data ?? {}) as Record<string, unknown>, body: file.content, fieldLines } };
}
