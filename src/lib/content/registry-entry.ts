import { isMap, isPair, isScalar, isSeq, type LineCounter, type Node, type Pair, type YAMLMap } from 'yaml';
import type { Problem } from '@/lib/content/problems';
import type { RegistryEntry, RegistryKind } from '@/lib/content/registry-types';

/**
 * One entry of the registry file (a region, a zone or a source) read from its YAML node, with a problem
 * for each field that is wrong, at the field's line.
 */

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const FIELDS: Record<RegistryKind, readonly string[]> = {
  region: ['name', 'short', 'former', 'slug'],
  zone: ['name', 'region', 'short', 'former', 'slug'],
  source: ['name', 'slug'],
};
export interface Reader {
  file: string;
  lines: LineCounter;
  problems: Problem[];
}

function lineOf(reader: Reader, node: Node | Pair | null | undefined): number {
  const range = isPair(node) ? (isScalar(node.key) ? node.key.range : undefined) : node?.range;
  return range ? reader.lines.linePos(range[0]).line : 1;
}

export function report(reader: Reader, node: Node | Pair | null | undefined, field: string | undefined, message: string): void {
  reader.problems.push({ file: reader.file, line: lineOf(reader, node), field, message });
}

function text(reader: Reader, map: YAMLMap, field: string): string | undefined {
  const node = map.get(field, true);
  if (node === undefined) return undefined;
  if (isScalar(node) && typeof node.value === 'string' && node.value.trim()) return node.value.trim();
  report(reader, node, field, '应为非空文字 / must be non-empty text');
  return undefined;
}

function list(reader: Reader, map: YAMLMap, field: string): string[] {
  const node = map.get(field, true);
  if (node === undefined) return [];
  if (isScalar(node) && typeof node.value === 'string' && node.value.trim()) return [node.value.trim()];
  if (isSeq(node) && node.items.every((item) => isScalar(item) && typeof item.value === 'string' && item.value.trim())) {
    return node.items.map((item) => String((item as { value: string }).value).trim());
  }
  report(reader, node, field, '应为名称列表，如 [盐城经开区] / must be a list of names, e.g. [盐城经开区]');
  return [];
}

export function readEntry(reader: Reader, kind: RegistryKind, node: unknown): RegistryEntry | undefined {
  if (!isMap(node)) {
    report(
      reader,
      node as Node,
      undefined,
      '每一项应为“字段: 值”，以 name 开头 / each entry must be "field: value" lines, starting with name',
    );
    return undefined;
  }
  for (const pair of node.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    if (!FIELDS[kind].includes(key)) {
      report(reader, pair, key || undefined, `未知字段，可用 ${FIELDS[kind].join('、')} / unknown field; use ${FIELDS[kind].join(', ')}`);
    }
  }
  const name = text(reader, node, 'name');
  if (!name) {
    if (!node.has('name')) report(reader, node, 'name', '缺少必填字段 / required field is missing');
    return undefined;
  }
  const slug = text(reader, node, 'slug');
  if (slug !== undefined && !SLUG.test(slug)) {
    report(reader, node.get('slug', true), 'slug', '只能包含小写字母、数字和连字符 / only a-z, 0-9 and single hyphens');
  }
  if (kind === 'source' && !node.has('slug'))
    report(reader, node, 'slug', `来源“${name}”只为写明网址名而列出，缺少 slug / the source "${name}" is listed to pin its URL name: slug is missing`);
  const region = kind === 'zone' ? text(reader, node, 'region') : undefined;
  if (kind === 'zone' && !node.has('region'))
    report(reader, node, 'region', `开发区“${name}”缺少所属地区 / the zone "${name}" needs its region`);
  return {
    kind,
    name,
    short: list(reader, node, 'short'),
    former: list(reader, node, 'former'),
    slug: slug !== undefined && SLUG.test(slug) ? slug : undefined,
    region,
    line: lineOf(reader, node),
    fieldLines: new Map(node.items.map((pair) => [String(isScalar(pair.key) ? pair.key.value : ''), lineOf(reader, pair)])),
  };
}
