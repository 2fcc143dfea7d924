import { isUtf8 } from 'node:buffer';
import { parseFrontmatter } from '@/lib/content/frontmatter';
import type { Problem } from '@/lib/content/problems';
import type { Registry, RegistryKind } from '@/lib/content/registry-types';
import { resolveName } from '@/lib/content/registry-names';
import { ArticleSchema, type ArticleData } from '@/lib/content/schema';

/**
 * One Markdown file to validated frontmatter and body, or to every problem found in it:
 * encoding, YAML, the schema, the registry and the cover file. src/lib/content/content-check.ts runs it over
 * the archive for both the content loader and `npm run check`, so both give the same verdict.
 */

export interface ArticleFileContext {
  /** Zones and regions are resolved to official names; without a registry they are kept as written. */
  registry?: Registry;
  /** Whether a cover path such as `/images/a.jpg` exists under public/; unchecked when absent. */
  coverExists?: (path: string) => boolean;
}

export type ArticleFileResult =
  | {
      ok: true;
      data: ArticleData;
      body: string;
      /** The file's line of the body's first line (src/lib/content/frontmatter.ts). */
      bodyLine: number;
    }
  | { ok: false; problems: Problem[] };

const lenientUtf8 = new TextDecoder('utf-8');

/** The line of the first byte sequence that is not UTF-8. */
function firstBadLine(bytes: Uint8Array): number {
  const text = lenientUtf8.decode(bytes);
  const bad = text.indexOf('\uFFFD');
  return text.slice(0, Math.max(bad, 0)).split('\n').length;
}

function notUtf8(file: string, bytes: Uint8Array): Problem {
  return {
    file,
    line: firstBadLine(bytes),
    message:
      '文件不是 UTF-8 编码（旧稿常为 GBK，请转存为 UTF-8）/ the file is not UTF-8 (legacy archives are often GBK: re-save it as UTF-8)',
  };
}

type Data = Record<string, unknown>;

const KIND_ZH: Record<RegistryKind, string> = { zone: '开发区', region: '地区', source: '来源' };

/** Zone and region as official names, or a problem for each that the registry cannot place. */
function fileUnderRegistry(registry: Registry, data: Data, lineOf: (field: string) => number, file: string) {
  const problems: Problem[] = [];
  const official: Partial<Record<RegistryKind, string>> = {};
  for (const kind of ['zone', 'region'] as const) {
    const written = data[kind];
    if (typeof written !== 'string' || !written.trim()) continue; // the schema reports it
    const resolved = resolveName(registry, kind, written);
    if (resolved.ok) {
      official[kind] = resolved.name;
      continue;
    }
    // For a region, the zone's own region is the best suggestion.
    const zoneRegion = official.zone && registry.entries.zone.get(official.zone)?.region;
    const suggestion = kind === 'region' && zoneRegion ? zoneRegion : resolved.suggestion;
    const [zh, en] = suggestion ? [`，是否应为“${suggestion}”？`, `; did you mean "${suggestion}"?`] : ['', ''];
    problems.push({
      file,
      line: lineOf(kind),
      field: kind,
      message: `${KIND_ZH[kind]}“${written.trim()}”不在名录 ${registry.file} 中${zh} / the ${kind} "${written.trim()}" is not in the registry ${registry.file}${en}`,
    });
  }
  const home = official.zone && registry.entries.zone.get(official.zone)?.region;
  if (home && official.region && home !== official.region) {
    problems.push({
      file,
      line: lineOf('region'),
      field: 'region',
      message: `开发区“${official.zone}”属于“${home}”，不属于“${official.region}” / the zone "${official.zone}" belongs to "${home}", not "${official.region}"`,
    });
  }
  return { problems, official };
}

function coverProblem(data: Data, coverExists: (path: string) => boolean, lineOf: (field: string) => number, file: string) {
  const cover = typeof data.cover === 'string' ? data.cover.trim() : '';
  // URLs are not fetched; only files that should be under public/ are checked.
  if (!cover.startsWith('/') || cover.startsWith('//')) return [];
  let path: string;
  try {
    path = decodeURI(cover.split(/[?#]/)[0]);
  } catch {
    path = cover;
  }
  if (coverExists(path)) return [];
  return [
    {
      file,
      line: lineOf('cover'),
      field: 'cover',
      // The wording of the feeds' cover check (src/lib/content/covers.ts), so an editor reads one message whichever runs.
      message: `找不到封面图文件 public${path}，请把图片放进 public/ 或改正路径 / no such file: public${path}; add the picture under public/ or fix the path`,
    },
  ];
}

export function parseArticleFile(file: string, bytes: Uint8Array, context: ArticleFileContext = {}): ArticleFileResult {
  // Validated here, decoded once by gray-matter (src/lib/content/frontmatter.ts): a Buffer view, no copy.
  if (!isUtf8(bytes)) return { ok: false, problems: [notUtf8(file, bytes)] };
  const frontmatter = parseFrontmatter(Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  if (!frontmatter.ok) return { ok: false, problems: [{ file, ...frontmatter.error }] };

  const { data, body, bodyLine, fieldLine } = frontmatter.value;
  // A missing field has no line of its own: point at the frontmatter's opening line.
  const lineOf = (field: string) => fieldLine(field) ?? 1;
  const parsed = ArticleSchema.safeParse(data);
  const problems = parsed.success
    ? []
    : parsed.error.issues.map((issue): Problem => {
        const field = issue.path.length ? String(issue.path[0]) : undefined;
        return { file, line: field ? lineOf(field) : 1, field, message: issue.message };
      });
  // The registry and the cover are checked even when the schema found something, so that one
  // run lists everything that is wrong with the file.
  const filed = context.registry ? fileUnderRegistry(context.registry, data, lineOf, file) : { problems: [], official: {} };
  problems.push(...filed.problems);
  if (context.coverExists) problems.push(...coverProblem(data, context.coverExists, lineOf, file));
  if (!parsed.success || problems.length) return { ok: false, problems };
  return { ok: true, data: { ...parsed.data, ...filed.official }, body, bodyLine };
}
