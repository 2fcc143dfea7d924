// Creates an article with valid frontmatter where the README recommends:
// content/news/{year}/{yyyy-mm-dd}-{name}.md. Asks for what is missing when run in a terminal;
// takes flags otherwise. Never overwrites a file.
//
//   npm run new [-- --title T --zone Z --source S --date D --type 图片新闻 --name N ...]

import { resolve } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { shortName, type ArticleFields } from '@/lib/content/article-writer';
import { DATE_FORMATS, formatDateTime, parseArticleDate } from '@/lib/content/dates';
import { isUsableArticleSlug } from '@/lib/content/slugs';
import { formatProblem } from '@/lib/content/problems';
import { readRegistry } from '@/lib/content/registry';
import type { Registry } from '@/lib/content/registry-types';
import { resolveName } from '@/lib/content/registry-names';
import { NEWS_TYPES, type NewsType } from '@/lib/content/taxonomy';
import { SITE } from '@/site.config';
import { EditorError, recordSlugs, writeArticle } from './editor/write.ts';

const USAGE = `Usage: npm run new [-- options]

  --title T        headline (required)
  --zone Z         发布开发区: official, short or former name from the registry (required)
  --source S       来源 (default: the zone's 管委会)
  --date D         Beijing time, e.g. ${DATE_FORMATS[1]} (default: now)
  --type T         ${NEWS_TYPES.join(' or ')} (default ${NEWS_TYPES[0]})
  --cover P        cover under public/ (/images/…) or https URL; --cover-alt A describes it
  --summary S      one sentence for listings
  --tags a,b       keywords
  --name N         file name: lower-case a-z, 0-9 and - (default: from the title)
  --draft          write draft: true
  --dir DIR        news folder (default ${SITE.contentDir})

In a terminal it asks for what is missing; otherwise missing required flags are an error.
The region comes from the registry. An existing file is never overwritten. New names' URL
slugs are recorded in the slug lock beside the registry (commit it with the article).`;

export type Flags = Partial<
  Record<'title' | 'zone' | 'source' | 'date' | 'type' | 'cover' | 'coverAlt' | 'summary' | 'tags' | 'name' | 'dir', string>
> & {
  draft?: boolean;
};

export function parseFlags(argv: string[]): Flags | 'help' {
  const { values } = parseArgs({
    args: argv,
    options: {
      title: { type: 'string' },
      zone: { type: 'string' },
      source: { type: 'string' },
      date: { type: 'string' },
      type: { type: 'string' },
      cover: { type: 'string' },
      'cover-alt': { type: 'string' },
      summary: { type: 'string' },
      tags: { type: 'string' },
      name: { type: 'string' },
      dir: { type: 'string' },
      draft: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) return 'help';
  const { 'cover-alt': coverAlt, help: _help, ...rest } = values;
  return { ...rest, coverAlt };
}

/** Asks one question; the answer, or undefined for an empty one. */
export type Ask = (question: string, fallback?: string) => Promise<string | undefined>;

/**
 * The article's fields from flags, asking (when `ask` is given) for what is missing or wrong.
 * Zone names are resolved through the registry, so 盐城经开区 becomes 盐城经济技术开发区 and
 * the region comes with it.
 */
export async function collectFields(
  flags: Flags,
  registry: Registry,
  now: Date,
  ask?: Ask,
): Promise<{ fields: ArticleFields; name: string }> {
  const need = async (value: string | undefined, question: string, fallback?: string): Promise<string> => {
    const answer = value?.trim() || (ask ? ((await ask(question, fallback)) ?? fallback) : fallback);
    if (!answer?.trim()) throw new EditorError(`缺少 ${question} / missing: ${question}`);
    return answer.trim();
  };
  const title = await need(flags.title, '标题 title');

  let zoneInput = await need(flags.zone, '发布开发区 zone');
  let zone = resolveName(registry, 'zone', zoneInput);
  while (!zone.ok) {
    const hint = zone.suggestion ? `，是否应为“${zone.suggestion}”？ / did you mean "${zone.suggestion}"?` : '';
    const message = `开发区“${zoneInput}”不在名录 ${registry.file} 中${hint} / the zone "${zoneInput}" is not in the registry`;
    if (!ask) throw new EditorError(message);
    process.stderr.write(`${message}\n`);
    zoneInput = await need(undefined, '发布开发区 zone', zone.suggestion);
    zone = resolveName(registry, 'zone', zoneInput);
  }
  const region = registry.entries.zone.get(zone.name)?.region as string;

  let date = await need(flags.date, `日期 date (${DATE_FORMATS[1]})`, formatDateTime(now));
  let parsed = parseArticleDate(date);
  while (!parsed.ok) {
    const message = `日期无法识别：${date} / not a date: ${date}; write one of ${DATE_FORMATS.join(', ')}`;
    if (!ask) throw new EditorError(message);
    process.stderr.write(`${message}\n`);
    date = await need(undefined, `日期 date (${DATE_FORMATS[1]})`, formatDateTime(now));
    parsed = parseArticleDate(date);
  }

  const source = await need(flags.source, '来源 source', `${zone.name}管委会`);
  const type = (await need(flags.type, `类型 type (${NEWS_TYPES.join('/')})`, NEWS_TYPES[0])) as NewsType;
  if (!NEWS_TYPES.includes(type))
    throw new EditorError(`类型只能是 ${NEWS_TYPES.join(' 或 ')} / type must be one of ${NEWS_TYPES.join(', ')}`);
  const picture = type === '图片新闻';
  const cover = picture ? await need(flags.cover, '封面图 cover (/images/…)') : flags.cover;
  const coverAlt = cover ? await need(flags.coverAlt, '封面说明 coverAlt') : undefined;

  const name = await need(flags.name, '文件名 file name (a-z, 0-9, -)', shortName(title));
  if (!isUsableArticleSlug(name)) {
    throw new EditorError(
      `文件名“${name}”只能包含小写字母、数字和连字符 / the file name "${name}" may only use a-z, 0-9 and -, not only digits`,
    );
  }
  const tags = flags.tags
    ?.split(/[,，、]/)
    .map((tag) => tag.trim())
    .filter(Boolean);
  return {
    fields: {
      title,
      date,
      source,
      zone: zone.name,
      region,
      type,
      cover,
      coverAlt,
      summary: flags.summary?.trim() || undefined,
      tags,
      draft: flags.draft || undefined,
    },
    name,
  };
}

async function main(): Promise<number> {
  let flags: Flags | 'help';
  try {
    flags = parseFlags(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`new: ${(error as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  if (flags === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const rootDir = process.cwd();
  const contentDir = resolve(rootDir, flags.dir ?? SITE.contentDir);
  const registryRead = readRegistry(rootDir, contentDir);
  if (!registryRead.registry || registryRead.problems.length) {
    process.stderr.write(`${registryRead.problems.map(formatProblem).join('\n')}\n`);
    return 1;
  }
  const terminal = process.stdin.isTTY && process.stdout.isTTY;
  const prompt = terminal ? createInterface({ input: process.stdin, output: process.stdout }) : undefined;
  const ask: Ask | undefined = prompt
    ? async (question, fallback) => (await prompt.question(fallback ? `${question} [${fallback}]: ` : `${question}: `)).trim() || undefined
    : undefined;
  try {
    const { fields, name } = await collectFields(flags, registryRead.registry, new Date(), ask);
    const file = writeArticle(rootDir, contentDir, registryRead.registry, fields, name, '正文从这里开始……');
    process.stdout.write(`已创建 / created ${file}\n`);
    const recorded = recordSlugs(rootDir, contentDir);
    if (recorded) process.stdout.write(`${recorded}\n`);
    return 0;
  } catch (error) {
    if (!(error instanceof EditorError)) throw error;
    process.stderr.write(`${error.message}\n`);
    return 1;
  } finally {
    prompt?.close();
  }
}

// Run only as a script, so tests can import the functions without side effects.
if (process.argv[1] && resolve(process.argv[1]) === import.meta.filename) process.exitCode = await main();
