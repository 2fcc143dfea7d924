// Writing an article file for the editors' tools (new, import): never over another file or
// another article's URL, and never anything the check would refuse.

import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { parseArticleFile } from '@/lib/content/article-file';
import { articleText, recommendedPath, type ArticleFields } from '@/lib/content/article-writer';
import { articleContext, checkContent, listArticleFiles, MARKDOWN_FILE } from '@/lib/content/content-check';
import { parseArticleDate } from '@/lib/content/dates';
import { articleSlug } from '@/lib/content/slugs';
import { formatProblem } from '@/lib/content/problems';
import type { Registry } from '@/lib/content/registry-types';
import { readSlugLock, saveSlugLock } from '@/lib/content/slug-lock';
import { articlePath } from '@/lib/site/urls';

/** A mistake the editor can fix: printed without a stack, exit code 1. */
export class EditorError extends Error {}

/**
 * Writes the article, refusing to overwrite a file or to take a URL another article has, and
 * refusing anything the check would refuse. Returns the path written, relative to rootDir.
 */
export function writeArticle(
  rootDir: string,
  contentDir: string,
  registry: Registry,
  fields: ArticleFields,
  name: string,
  body: string,
  takenSlugs: Map<string, string> = slugsOf(contentDir),
): string {
  const date = parseArticleDate(fields.date);
  if (!date.ok) throw new EditorError(`日期无法识别 / not a date: ${fields.date}`);
  const path = join(contentDir, recommendedPath(date.date, name));
  const file = relative(rootDir, path).split('\\').join('/');
  if (existsSync(path)) throw new EditorError(`${file} 已存在，不会覆盖 / ${file} exists already; it is never overwritten`);
  const slug = articleSlug(recommendedPath(date.date, name).replace(MARKDOWN_FILE, ''));
  const taken = takenSlugs.get(slug);
  if (taken) {
    throw new EditorError(
      `网址 /news/${slug}/ 已由 ${taken} 使用，请换一个 --name / the URL /news/${slug}/ is taken by ${taken}: choose another --name`,
    );
  }
  const text = articleText(fields, body);
  const checked = parseArticleFile(file, new TextEncoder().encode(text), articleContext(registry, join(rootDir, 'public')));
  if (!checked.ok) throw new EditorError(checked.problems.map(formatProblem).join('\n'));
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text, { flag: 'wx' });
  takenSlugs.set(slug, file);
  return file;
}

/**
 * The URL slug of every file name under the news folder, to the file that has it, and the
 * article slugs the slug lock keeps for names it recorded (a URL once given is never given again).
 */
export function slugsOf(contentDir: string): Map<string, string> {
  const taken = new Map(listArticleFiles(contentDir).map((name) => [articleSlug(name.replace(MARKDOWN_FILE, '')), name]));
  const lock = readSlugLock(process.cwd(), contentDir);
  for (const [name, { slug, former }] of lock.lock.news) {
    for (const kept of [slug, ...former]) if (!taken.has(kept)) taken.set(kept, `${lock.file} (${name})`);
  }
  return taken;
}

/**
 * Records in the slug lock the slug of every name it does not record yet (a new article's
 * source, say), as the check and the build assign them (src/lib/content/slug-assign.ts), so
 * recording changes no URL. The line to print, if it wrote the lock.
 */
export function recordSlugs(rootDir: string, contentDir: string): string | undefined {
  // As `npm run check`: only an archive without problems has the slugs a build will give.
  const { problems, slugs, slugLock } = checkContent({ rootDir, contentDir, articlePath });
  if (problems.length || !saveSlugLock(slugLock, slugs.lock)) return undefined;
  return `已在 ${slugLock.file} 中记录 ${slugs.added.length} 个名称的网址名，请一并提交 / recorded the slugs of ${slugs.added.length} name(s) in ${slugLock.file}: commit it with the articles`;
}
