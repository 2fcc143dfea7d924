// Converts news pages saved from the portal this site replaces into Markdown articles, where
// `npm run new` would put them, with `legacyUrl` recording where each page lived.
//
//   npm run import -- [--base-url URL] [--dir DIR] <files or folders>

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
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
import { readLegacyPage, type LegacyPage } from './editor/legacy-page.ts';
import { EditorError, slugsOf, writeArticle } from './editor/write.ts';

const USAGE = `Usage: npm run import -- [--base-url URL] [--dir DIR] <files or folders>

  <files or folders>  saved pages (.html, .htm); folders are searched recursively
  --base-url URL      where the saved folder was on the old site, for pages without a
                      <link rel="canonical">: a page saved as FOLDER/kfqxw/a.html gets
                      legacyUrl URL/kfqxw/a.html
  --dir DIR           news folder to write to (default ${SITE.contentDir})

Pages already imported (same title, date and zone) are skipped. Each page that cannot be
read or converted is listed with the reason; the exit code is then 1.`;

const PAGE = /\.html?$/i;

interface Input {
  absolute: string;
  /** Path under the folder given on the command line (the file name for a file given directly). */
  relativePath: string;
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
      inputs.push({ absolute, relativePath: absolute.split(sep).pop() as string });
      continue;
    }
    const names = readdirSync(absolute, { recursive: true, encoding: 'utf8' })
      .filter((name) => PAGE.test(name))
      .sort();
    for (const name of names) inputs.push({ absolute: join(absolute, name), relativePath: name.split(sep).join('/') });
  }
  return { inputs, missing };
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
}

export function importPages(options: {
  rootDir: string;
  contentDir: string;
  inputs: Input[];
  baseUrl?: string;
  registry: Registry;
}): ImportReport {
  const { rootDir, contentDir, inputs, baseUrl, registry } = options;
  const report: ImportReport = { imported: [], skipped: [], failed: [] };
  const known = new Map<string, string>();
  for (const { file, article } of checkContent({ rootDir, contentDir, articlePath }).articles)
    known.set(identity(article.title, article.date, article.zone), file);
  const taken = slugsOf(contentDir);

  for (const { absolute, relativePath } of inputs) {
    const input = relative(rootDir, absolute).split(sep).join('/');
    let bytes: Buffer;
    try {
      bytes = readFileSync(absolute);
    } catch (error) {
      report.failed.push({ input, reasons: [`无法读取 / cannot be read: ${(error as Error).message}`] });
      continue;
    }
    const read = readLegacyPage(bytes, baseUrl ? new URL(relativePath, baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`).href : undefined);
    if (!read.ok) {
      report.failed.push({ input, reasons: read.reasons });
      continue;
    }
    const fields = toFields(read.page, registry);
    const date = parseArticleDate(fields.date);
    if (!date.ok) {
      report.failed.push({ input, reasons: [`日期不存在：${fields.date} / no such date: ${fields.date}`] });
      continue;
    }
    const key = identity(fields.title, date.date, fields.zone);
    const existing = known.get(key);
    if (existing) {
      report.skipped.push({ input, existing });
      continue;
    }
    // A readable name from the title; a second article of that name on that day gets -2, -3, …
    const base = shortName(fields.title);
    let name = base;
    for (let n = 2; taken.has(articleSlug(recommendedPath(date.date, name).replace(/\.md$/, ''))); n++) name = `${base}-${n}`;
    try {
      const file = writeArticle(rootDir, contentDir, registry, fields, name, read.page.body, taken);
      known.set(key, file);
      report.imported.push({ input, file });
    } catch (error) {
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
      options: { 'base-url': { type: 'string' }, dir: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
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
  const contentDir = resolve(rootDir, values.dir ?? SITE.contentDir);
  const registryRead = readRegistry(rootDir, contentDir);
  if (!registryRead.registry || registryRead.problems.length) {
    process.stderr.write(`${registryRead.problems.map(formatProblem).join('\n')}\n`);
    return 1;
  }
  const { inputs, missing } = listInputs(positionals, rootDir);
  const report = importPages({ rootDir, contentDir, inputs, baseUrl, registry: registryRead.registry });
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
  const [done, skipped, failed] = [report.imported.length, report.skipped.length, report.failed.length];
  out.push(`导入 ${done} 篇，跳过 ${skipped} 篇，失败 ${failed} 个 / imported ${done}, skipped ${skipped}, failed ${failed}`);
  process.stdout.write(`${out.join('\n')}\n`);
  return failed ? 1 : 0;
}

// Run only as a script, so tests can import the functions without side effects.
if (process.argv[1] && resolve(process.argv[1]) === import.meta.filename) process.exitCode = main();
