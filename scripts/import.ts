// Converts news pages saved from the portal this site replaces into Markdown articles, where
// `npm run new` would put them, with `legacyUrl` recording where each page lived.
//
//   npm run import -- [--base-url URL] [--images DIR] [--dir DIR] <files or folders>

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { recommendedPath, shortName, type ArticleFields } from '@/lib/content/article-writer';
import { checkContent } from '@/lib/content/content-check';
import { formatDate, parseArticleDate } from '@/lib/content/dates';
import { articleSlug } from '@/lib/content/slugs';
import { formatProblem } from '@/lib/content/problems';
import { readRegistry } from '@/lib/content/registry';
import type { Registry } from '@/lib/content/registry-types';
import { resolveName } from '@/lib/content/registry-names';
import { SITE } from '@/site.config';
import { articlePath } from '@/lib/site/urls';
import { localiseImages, removeCreated, type ImageNote } from './editor/legacy-images.ts';
import { finishLegacyPage, parseLegacyPage, type LegacyPage } from './editor/legacy-page.ts';
import { EditorError, recordSlugs, slugsOf, writeArticle } from './editor/write.ts';

const USAGE = `Usage: npm run import -- [--base-url URL] [--images DIR] [--dir DIR] <files or folders>

  <files or folders>  saved pages (.html, .htm); folders are searched recursively
  --base-url URL      where the saved folder was on the old site, for pages without a
                      <link rel="canonical">: a page saved as FOLDER/kfqxw/a.html gets
                      legacyUrl URL/kfqxw/a.html
  --images DIR        a copy of the old site as wget --mirror writes it, where pictures are
                      looked for (http://host/p/a.jpg as DIR/host/p/a.jpg or DIR/p/a.jpg)
                      after the saved page's own folder (t1.html beside t1_files/)
  --dir DIR           news folder to write to (default ${SITE.contentDir})

Pictures found are copied to public/images/<year>/<article>/. Those not found are listed:
https:// ones are kept as they are, others are removed from the article.
New names' URL slugs are recorded in the slug lock beside the registry (commit it too).
Pages already imported (same title, date and zone) are skipped. Each page that cannot be
read or converted is listed with the reason; the exit code is then 1, as it is when a
picture was removed.`;

const PAGE = /\.html?$/i;

interface Input {
  absolute: string;
  /** Path under the folder given on the command line (the file name for a file given directly). */
  relativePath: string;
  /** That folder (the file's own folder for a file given directly). */
  root: string;
}

/** The pages named on the command line, in a stable order; names that are not there are errors. */
export function listInputs(args: string[], cwd: string): { inputs: Input[]; missing: string[] } {
  const inputs: Input[] = [];
  const missing: string[] = [];
  for (const arg of args) {
    const absolute = resolve(cwd, arg);
    let stats;
    try {
      stats = statSync(absolute);
    } catch {
      missing.push(arg);
      continue;
    }
    if (!stats.isDirectory()) {
      inputs.push({ absolute, relativePath: absolute.split(sep).pop() as string, root: dirname(absolute) });
      continue;
    }
    const names = readdirSync(absolute, { recursive: true, encoding: 'utf8' })
      .filter((name) => PAGE.test(name) && !inSavedFiles(absolute, name))
      .sort();
    for (const name of names) inputs.push({ absolute: join(absolute, name), relativePath: name.split(sep).join('/'), root: absolute });
  }
  return { inputs, missing };
}

/**
 * Whether `name` is inside the t1_files/ folder a browser saved beside t1.html: the frames and
 * pieces kept there are parts of that page, not pages to import.
 */
function inSavedFiles(folder: string, name: string): boolean {
  const parts = name.split(sep);
  return parts.slice(0, -1).some((part, at) => {
    if (!part.endsWith('_files')) return false;
    const page = join(folder, ...parts.slice(0, at), part.slice(0, -'_files'.length));
    return existsSync(`${page}.html`) || existsSync(`${page}.htm`);
  });
}

/** What makes two articles the same news: title, day (Beijing) and zone (official name). */
function identity(title: string, date: Date, zone: string): string {
  return `${title}\0${formatDate(date)}\0${zone}`;
}

function official(registry: Registry, kind: 'zone' | 'region', name: string | undefined): string | undefined {
  if (name === undefined) return undefined;
  const resolved = resolveName(registry, kind, name);
  return resolved.ok ? resolved.name : name;
}

/** The article's fields: zone and region as official names where the registry knows them. */
export function toFields(page: LegacyPage, registry: Registry): ArticleFields {
  const zone = official(registry, 'zone', page.zone) as string;
  const region = official(registry, 'region', page.region) ?? registry.entries.zone.get(zone)?.region ?? '';
  return {
    title: page.title,
    date: page.date,
    source: page.source,
    zone,
    region,
    type: page.type,
    cover: page.cover,
    coverAlt: page.coverAlt,
    legacyUrl: page.legacyUrl,
  };
}

export interface ImportReport {
  imported: Array<{ input: string; file: string }>;
  skipped: Array<{ input: string; existing: string }>;
  failed: Array<{ input: string; reasons: string[] }>;
  /** Pictures copied into public/. */
  copied: number;
  /** Pictures of written articles that are not in public/: kept as https:// addresses or removed. */
  images: Array<ImageNote & { file: string }>;
}

const DEMOTED =
  '图片新闻的图片都找不到，文章按文字新闻写出：补上图片后改回 type: 图片新闻 并填写 cover / none of the pictures of this 图片新闻 was found: written as 文字新闻';

export function importPages(options: {
  rootDir: string;
  contentDir: string;
  inputs: Input[];
  baseUrl?: string;
  /** --images: a mirror of the old site. */
  mirror?: string;
  registry: Registry;
}): ImportReport {
  const { rootDir, contentDir, inputs, baseUrl, mirror, registry } = options;
  const publicDir = join(rootDir, 'public');
  const report: ImportReport = { imported: [], skipped: [], failed: [], copied: 0, images: [] };
  const known = new Map<string, string>();
  for (const { file, article } of checkContent({ rootDir, contentDir, articlePath }).articles)
    known.set(identity(article.title, article.date, article.zone), file);
  const taken = slugsOf(contentDir);

  for (const { absolute, relativePath, root } of inputs) {
    const input = relative(rootDir, absolute).split(sep).join('/');
    let bytes: Buffer;
    try {
      bytes = readFileSync(absolute);
    } catch (error) {
      report.failed.push({ input, reasons: [`无法读取 / cannot be read: ${(error as Error).message}`] });
      continue;
    }
    const parsed = parseLegacyPage(
      bytes,
      baseUrl ? new URL(relativePath, baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`).href : undefined,
    );
    // A page with something wrong is reported before any picture is copied for it.
    if (!parsed.ok || parsed.draft.reasons.length) {
      report.failed.push({ input, reasons: parsed.ok ? parsed.draft.reasons : parsed.reasons });
      continue;
    }
    const { draft } = parsed;
    const date = parseArticleDate(draft.date as string);
    if (!date.ok) {
      report.failed.push({ input, reasons: [`日期不存在：${draft.date} / no such date: ${draft.date}`] });
      continue;
    }
    const key = identity(draft.title, date.date, official(registry, 'zone', draft.zone) as string);
    const existing = known.get(key);
    if (existing) {
      report.skipped.push({ input, existing });
      continue;
    }
    // A readable name from the title; a second article of that name on that day gets -2, -3, …
    const base = shortName(draft.title);
    let name = base;
    for (let n = 2; taken.has(articleSlug(recommendedPath(date.date, name).replace(/\.md$/, ''))); n++) name = `${base}-${n}`;
    const path = recommendedPath(date.date, name);
    const folder = `images/${path.slice(0, 4)}/${articleSlug(path.replace(/\.md$/, ''))}`;
    const images = localiseImages(draft.images, { page: absolute, inputRoot: root, mirror }, publicDir, folder);
    if (draft.type === '图片新闻' && draft.images.length && !draft.images.some((image) => image.keep)) {
      draft.type = '文字新闻';
      images.notes.push({ url: String(draft.images[0].element.properties.src), kind: 'missing', reason: DEMOTED });
    }
    const finished = finishLegacyPage(draft);
    try {
      if (!finished.ok) throw new EditorError(finished.reasons.join('\n'));
      const file = writeArticle(rootDir, contentDir, registry, toFields(finished.page, registry), name, finished.page.body, taken);
      known.set(key, file);
      report.imported.push({ input, file });
      report.copied += images.copied;
      report.images.push(...images.notes.map((note) => ({ ...note, file })));
    } catch (error) {
      removeCreated(images.created, publicDir);
      if (!(error instanceof EditorError)) throw error;
      report.failed.push({ input, reasons: error.message.split('\n') });
    }
  }
  return report;
}

function main(): number {
  let values;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      options: {
        'base-url': { type: 'string' },
        images: { type: 'string' },
        dir: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      allowPositionals: true,
    }));
  } catch (error) {
    process.stderr.write(`import: ${(error as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  if (values.help || !positionals.length) {
    (values.help ? process.stdout : process.stderr).write(`${USAGE}\n`);
    return values.help ? 0 : 2;
  }
  const baseUrl = values['base-url'];
  if (baseUrl !== undefined && !/^https?:\/\/[^/\s]+/i.test(baseUrl)) {
    process.stderr.write(`import: --base-url must be an http(s):// URL, got ${baseUrl}\n`);
    return 2;
  }
  const rootDir = process.cwd();
  const mirror = values.images === undefined ? undefined : resolve(rootDir, values.images);
  if (mirror !== undefined && !statSync(mirror, { throwIfNoEntry: false })?.isDirectory()) {
    process.stderr.write(`import: --images ${values.images} 不是文件夹 / is not a folder\n`);
    return 2;
  }
  const contentDir = resolve(rootDir, values.dir ?? SITE.contentDir);
  const registryRead = readRegistry(rootDir, contentDir);
  if (!registryRead.registry || registryRead.problems.length) {
    process.stderr.write(`${registryRead.problems.map(formatProblem).join('\n')}\n`);
    return 1;
  }
  const { inputs, missing } = listInputs(positionals, rootDir);
  const report = importPages({ rootDir, contentDir, inputs, baseUrl, mirror, registry: registryRead.registry });
  report.failed.unshift(...missing.map((input) => ({ input, reasons: ['文件不存在 / no such file or folder'] })));

  const out: string[] = [];
  for (const { input, file } of report.imported) out.push(`已导入 / imported: ${input} -> ${file}`);
  for (const { input, existing } of report.skipped) {
    out.push(
      `已跳过 / skipped: ${input}: 已导入为 ${existing}（标题、日期和开发区相同）/ already imported as ${existing} (same title, date and zone)`,
    );
  }
  for (const { input, reasons } of report.failed)
    out.push(`未导入 / not imported: ${input}:\n${reasons.map((reason) => `  ${reason}`).join('\n')}`);
  const remote = report.images.filter((image) => image.kind === 'remote');
  const lost = report.images.filter((image) => image.kind === 'missing');
  if (remote.length) out.push('远程图片 / remote pictures:', ...remote.map(imageLine));
  if (lost.length) out.push('缺少的图片 / missing pictures:', ...lost.map(imageLine));
  out.push(
    `图片：复制 ${report.copied} 张，远程 ${remote.length} 张，缺少 ${lost.length} 张 / pictures: copied ${report.copied}, remote ${remote.length}, missing ${lost.length}`,
  );
  const [done, skipped, failed] = [report.imported.length, report.skipped.length, report.failed.length];
  out.push(`导入 ${done} 篇，跳过 ${skipped} 篇，失败 ${failed} 个 / imported ${done}, skipped ${skipped}, failed ${failed}`);
  const recorded = done ? recordSlugs(rootDir, contentDir) : undefined;
  if (recorded) out.push(recorded);
  process.stdout.write(`${out.join('\n')}\n`);
  return failed || lost.length ? 1 : 0;
}

function imageLine({ file, url, reason }: ImageNote & { file: string }): string {
  return `  ${file}: ${url}\n    ${reason}`;
}

// Run only as a script, so tests can import the functions without side effects.
if (process.argv[1] && resolve(process.argv[1]) === import.meta.filename) process.exitCode = main();
