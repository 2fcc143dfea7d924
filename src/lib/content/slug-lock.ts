import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import type { Problem } from '@/lib/content/problems';
import { NAME_KINDS, type LockEntry, type NameKind, type SlugLock } from '@/lib/content/slug-types';

/**
 * The slug lock: `slugs.lock` beside the registry (`content/slugs.lock` for `content/news`). It
 * records the slug of every name that has been given one other than its own spelling, and the
 * slugs each name had before, so that a URL, once given, stays with its name: the build reads
 * it, `npm run check`, `npm run new` and `npm run import` extend it (src/lib/content/slug-assign.ts
 * decides what), and it is committed with the articles, since a build in CI starts from a fresh
 * clone and must give every name the URL the last one gave it.
 *
 * It is YAML, in the shape the code writes it: one section per kind, one line per name, names in
 * code-point order (two branches that each add a name then merge without a conflict in most
 * cases). Read with the failsafe schema, so a name like `1e3` or `null` stays text.
 */

export const SLUG_LOCK_FILE_NAME = 'slugs.lock';

const SECTIONS: Record<NameKind, string> = { region: 'regions', zone: 'zones', source: 'sources', news: 'news' };
const KINDS_BY_SECTION = new Map(NAME_KINDS.map((kind) => [SECTIONS[kind], kind]));
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const HEADER = `# 网址锁定文件：记录每个名称已经使用的网址名，由 npm run check、npm run new 和 npm run import 维护。
# 请和文章一起提交，不要手改；要改网址，请在 registry.yaml（地区、开发区、来源）或文章的 slug 字段中写明。
# Slug lock: the URL name each name has been given; npm run check, new and import keep it up to
# date. Commit it with the articles; do not edit it: pin a slug in registry.yaml or an article's slug.
# name: slug, or name: [slug, former slugs…] (each former slug redirects to the current one).
`;

/** The lock file of a content folder: `slugs.lock` in its parent folder, beside registry.yaml. */
export function slugLockFileFor(contentDir: string): string {
  return join(dirname(contentDir), SLUG_LOCK_FILE_NAME);
}

export function emptySlugLock(): SlugLock {
  return { region: new Map(), zone: new Map(), source: new Map(), news: new Map() };
}

function slugList(node: unknown): string[] | undefined {
  if (isScalar(node)) return [String(node.value)];
  if (isSeq(node) && node.items.length && node.items.every(isScalar)) return node.items.map((item) => String((item as { value: unknown }).value));
  return undefined;
}

/** Reads the lock's text; every problem comes back with its line, and the usable entries are kept. */
export function parseSlugLock(file: string, source: string): { lock: SlugLock; problems: Problem[] } {
  const lines = new LineCounter();
  const lock = emptySlugLock();
  const problems: Problem[] = [];
  const lineOf = (node: Node | null | undefined) => (node?.range ? lines.linePos(node.range[0]).line : 1);
  const document = parseDocument(source.replace(/^\uFEFF/, ''), { lineCounter: lines, schema: 'failsafe', prettyErrors: false, uniqueKeys: true });
  if (document.errors.length) {
    const [error] = document.errors;
    problems.push({ file, line: lines.linePos(error.pos[0]).line, message: `YAML 语法错误 / YAML syntax error: ${error.message.split('\n')[0]}` });
    return { lock, problems };
  }
  const root = document.contents;
  if (root === null || (isScalar(root) && !root.value)) return { lock, problems };
  if (!isMap(root)) {
    problems.push({ file, line: 1, message: '应为 regions:、zones:、sources:、news: 几个部分 / must have the sections regions:, zones:, sources:, news:' });
    return { lock, problems };
  }
  for (const section of root.items) {
    const key = isScalar(section.key) ? String(section.key.value) : '';
    const kind = KINDS_BY_SECTION.get(key);
    if (!kind || !(isMap(section.value) || (isScalar(section.value) && !section.value.value))) {
      problems.push({
        file,
        line: lineOf(section.key as Node),
        field: key || undefined,
        message: `应为 regions、zones、sources 或 news 下的“名称: 网址名”各行 / must be "name: slug" lines under regions, zones, sources or news`,
      });
      continue;
    }
    if (!isMap(section.value)) continue;
    for (const pair of section.value.items) {
      const name = isScalar(pair.key) ? String(pair.key.value) : '';
      const line = lineOf(pair.key as Node);
      const slugs = slugList(pair.value);
      if (!name || !slugs || !slugs.every((slug) => SLUG.test(slug))) {
        problems.push({
          file,
          line,
          field: name || undefined,
          message: '应为“名称: 网址名”或“名称: [网址名, 旧网址名…]”，网址名只含小写字母、数字和连字符 / must be "name: slug" or "name: [slug, former slugs…]", slugs of a-z, 0-9 and single hyphens',
        });
        continue;
      }
      const [slug, ...former] = slugs;
      lock[kind].set(name, { slug, former, line });
    }
  }
  return { lock, problems };
}

export interface SlugLockRead {
  /** Relative to the project root, `/`-separated. */
  file: string;
  absolute: string;
  /** The raw text ('' when there is no file yet): what a write compares against. */
  source: string;
  lock: SlugLock;
  problems: Problem[];
}

/** Reads the lock of a content folder; a missing file is an empty lock (a new site). */
export function readSlugLock(rootDir: string, contentDir: string): SlugLockRead {
  const absolute = slugLockFileFor(resolve(rootDir, contentDir));
  const file = relative(rootDir, absolute).split(sep).join('/');
  if (!existsSync(absolute)) return { file, absolute, source: '', lock: emptySlugLock(), problems: [] };
  const source = readFileSync(absolute, 'utf8');
  return { file, absolute, source, ...parseSlugLock(file, source) };
}

/**
 * A YAML key: plain for a name that starts with a Han character and holds nothing YAML could read
 * as syntax, else double-quoted (so `null`, `1e3` or `a: b` stay text in any YAML reader).
 */
function yamlKey(name: string): string {
  return /^\p{Script=Han}[\p{L}\p{N}\p{M}（）()·・_. -]*$/u.test(name) && !/\s$/.test(name) ? name : JSON.stringify(name);
}

const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The lock's text as the tools write it: sections in a fixed order, names sorted. */
export function formatSlugLock(lock: SlugLock): string {
  const out = [HEADER.trimEnd()];
  for (const kind of NAME_KINDS) {
    const names = [...lock[kind].keys()].sort(byCodePoint);
    if (!names.length) continue;
    out.push(`${SECTIONS[kind]}:`);
    for (const name of names) {
      const { slug, former } = lock[kind].get(name) as LockEntry;
      out.push(`  ${yamlKey(name)}: ${former.length ? `[${[slug, ...former].join(', ')}]` : slug}`);
    }
  }
  return `${out.join('\n')}\n`;
}

/** Writes `lock` over the file `read` came from if its text differs; whether it did. */
export function saveSlugLock(read: SlugLockRead, lock: SlugLock): boolean {
  // A site whose names all spell their own slugs needs no lock file.
  if (!read.source && NAME_KINDS.every((kind) => !lock[kind].size)) return false;
  const text = formatSlugLock(lock);
  if (text === read.source) return false;
  writeFileSync(read.absolute, text);
  return true;
}
