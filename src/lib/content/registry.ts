import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { isMap, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import type { Problem } from '@/lib/content/problems';
import { readEntry, report, type Reader } from '@/lib/content/registry-entry';
import type { Registry, RegistryEntry, RegistryKind } from '@/lib/content/registry-types';

/**
 * The registry of regions and development zones: one YAML file next to the news folder
 * (`content/registry.yaml` for `content/news`). It gives each place its official name, the
 * short and former names editors may write instead, the region a zone belongs to, and an
 * optional URL slug; a source (来源) may be listed to pin its slug. Articles are filed under official names only, so listings, search filters
 * and feeds never see two spellings of one zone.
 *
 * The file is small and read once, so it is parsed with `yaml`, which keeps the line of every
 * node for messages (articles use js-yaml for speed, see src/lib/content/frontmatter.ts).
 */

export const REGISTRY_FILE_NAME = 'registry.yaml';

export const KIND_LABEL: Record<RegistryKind, string> = { region: '地区 region', zone: '开发区 zone', source: '来源 source' };

/** The registry of a content folder: `registry.yaml` in its parent folder. */
export function registryFileFor(contentDir: string): string {
  return join(dirname(contentDir), REGISTRY_FILE_NAME);
}

/** How names are compared: full-width letters and digits folded, spaces dropped. */
export function normaliseName(name: string): string {
  return name.normalize('NFKC').replace(/\s+/g, '');
}

const SECTIONS: Record<string, RegistryKind> = { regions: 'region', zones: 'zone', sources: 'source' };

function emptyRegistry(file: string): Registry {
  return {
    file,
    entries: { region: new Map(), zone: new Map(), source: new Map() },
    aliases: { region: new Map(), zone: new Map(), source: new Map() },
    slugs: { region: new Map(), zone: new Map(), source: new Map() },
  };
}

/** Adds an entry's names, slug and checks that nothing it claims is claimed already. */
function addEntry(reader: Reader, registry: Registry, entry: RegistryEntry): void {
  const { kind, name } = entry;
  const label = KIND_LABEL[kind];
  if (registry.entries[kind].has(name)) {
    const first = registry.entries[kind].get(name) as RegistryEntry;
    reader.problems.push({
      file: reader.file,
      line: entry.line,
      field: 'name',
      message: `“${name}”在第 ${first.line} 行已列出 / "${name}" is already listed on line ${first.line} (${label})`,
    });
    return;
  }
  registry.entries[kind].set(name, entry);
  const aliases = registry.aliases[kind];
  for (const alias of [name, ...entry.short, ...entry.former]) {
    const key = normaliseName(alias);
    const owner = aliases.get(key);
    if (owner !== undefined && owner !== name) {
      const field = alias === name ? 'name' : entry.short.includes(alias) ? 'short' : 'former';
      reader.problems.push({
        file: reader.file,
        line: entry.fieldLines.get(field) ?? entry.line,
        field,
        message: `名称“${alias}”同时属于“${owner}”和“${name}”，无法判断 / the name "${alias}" belongs to both "${owner}" and "${name}" (${label})`,
      });
    } else aliases.set(key, name);
  }
  if (entry.slug) (registry.slugs[kind] as Map<string, string>).set(name, entry.slug);
}

/**
 * Two names pinned to one slug. Names that merely spell the same slug (盐城 and 延城 are both
 * `yancheng`) are no problem: src/lib/content/slug-assign.ts gives each its own. Two pins are
 * the editor's own words, and only the editor can say which name should have the URL.
 */
function slugClashes(reader: Reader, registry: Registry): void {
  for (const kind of ['region', 'zone', 'source'] as const) {
    const bySlug = new Map<string, RegistryEntry>();
    for (const entry of registry.entries[kind].values()) {
      if (!entry.slug) continue;
      const first = bySlug.get(entry.slug);
      if (!first) bySlug.set(entry.slug, entry);
      else {
        reader.problems.push({
          file: reader.file,
          line: entry.fieldLines.get('slug') ?? entry.line,
          field: 'slug',
          message: `“${entry.name}”与第 ${first.line} 行的“${first.name}”写了同一个 slug（${entry.slug}），请改掉其中一个 / "${entry.name}" and "${first.name}" (line ${first.line}) are both given the slug "${entry.slug}": change one of them (${KIND_LABEL[kind]})`,
        });
      }
    }
  }
}

/**
 * Reads the registry's text. Every problem comes back at once, with its line; entries that are
 * usable are kept, so one mistake does not hide the rest of the registry from the check.
 */
export function parseRegistry(file: string, source: string): { registry: Registry; problems: Problem[] } {
  const reader: Reader = { file, lines: new LineCounter(), problems: [] };
  const registry = emptyRegistry(file);
  const document = parseDocument(source.replace(/^\uFEFF/, ''), { lineCounter: reader.lines, prettyErrors: false, uniqueKeys: true });
  if (document.errors.length) {
    const [error] = document.errors;
    const line = reader.lines.linePos(error.pos[0]).line;
    reader.problems.push({ file, line, message: `YAML 语法错误 / YAML syntax error: ${error.message.split('\n')[0]}` });
    return { registry, problems: reader.problems };
  }
  const root = document.contents;
  if (!isMap(root)) {
    reader.problems.push({
      file,
      line: 1,
      message: '名录应有 regions: 和 zones: 两个列表（可加 sources:）/ the registry needs two lists, regions: and zones: (and may have sources:)',
    });
    return { registry, problems: reader.problems };
  }
  const zones: RegistryEntry[] = [];
  for (const pair of root.items) {
    const section = isScalar(pair.key) ? String(pair.key.value) : '';
    const kind = SECTIONS[section];
    if (!kind) {
      report(reader, pair, section || undefined, '未知字段，只能是 regions、zones 或 sources / unknown field; only regions, zones and sources');
      continue;
    }
    if (pair.value !== null && !isSeq(pair.value)) {
      report(reader, pair, section, '应为列表，每项以“- name:”开头 / must be a list, each entry starting with "- name:"');
      continue;
    }
    for (const item of pair.value?.items ?? []) {
      const entry = readEntry(reader, kind, item);
      if (!entry) continue;
      addEntry(reader, registry, entry);
      if (kind === 'zone') zones.push(entry);
    }
  }
  for (const zone of zones) {
    if (zone.region === undefined || registry.entries.region.has(zone.region)) continue;
    const resolved = registry.aliases.region.get(normaliseName(zone.region));
    const [zh, en] = resolved
      ? [`请写正式名称“${resolved}”`, `write its official name "${resolved}"`]
      : ['请先在 regions 中列出', 'list it under regions first'];
    reader.problems.push({
      file,
      line: zone.line,
      field: 'region',
      message: `地区“${zone.region}”不在名录的 regions 中，${zh} / the region "${zone.region}" is not under regions: ${en}`,
    });
  }
  slugClashes(reader, registry);
  return { registry, problems: reader.problems };
}

export interface RegistryRead {
  /** Relative to the project root, `/`-separated. */
  file: string;
  /** Undefined when the file is missing or unreadable. */
  registry?: Registry;
  /** The raw text: part of the content cache key, since filing depends on it. */
  source: string;
  problems: Problem[];
}

/** Reads the registry of a content folder (see registryFileFor). */
export function readRegistry(rootDir: string, contentDir: string): RegistryRead {
  const absolute = registryFileFor(resolve(rootDir, contentDir));
  const file = relative(rootDir, absolute).split(sep).join('/');
  if (!existsSync(absolute)) {
    return {
      file,
      source: '',
      problems: [
        {
          file,
          message: `找不到开发区名录，每篇文章的开发区和地区都要在名录中 / the registry of zones and regions is missing; every article's zone and region must be listed in it`,
        },
      ],
    };
  }
  const source = readFileSync(absolute, 'utf8');
  let parsed = lastParse.get(absolute);
  if (parsed?.source !== source) {
    parsed = { source, ...parseRegistry(file, source) };
    lastParse.set(absolute, parsed);
  }
  return { file, source, registry: parsed.registry, problems: parsed.problems };
}

/**
 * The last parse of each registry file, reused while its text is unchanged: a preview reads the
 * registry for every request (src/lib/site/collections.ts, for the pinned slugs), and parsing
 * with line numbers costs more than reading. Callers never change
 * the registry or its problem list.
 */
const lastParse = new Map<string, { source: string; registry: Registry; problems: Problem[] }>();
