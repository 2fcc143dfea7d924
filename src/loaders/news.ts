import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { AstroError } from 'astro/errors';
import { parseArticleFile } from '@/lib/article-file';
import { toArticle } from '@/lib/articles';
import { findConflicts } from '@/lib/conflicts';
import { renderMarkdown, summarize } from '@/lib/markdown';
import { formatReport, type Problem } from '@/lib/problems';
import type { ArticleData } from '@/lib/schema';

/**
 * The news collection's loader. Astro's glob() loader stops at the first invalid file and
 * renders Markdown with its own pipeline; this one reads every file, collects every problem
 * (file, line, field) before failing, renders each body once with src/lib/markdown.ts, and keeps
 * that HTML in the content store keyed by a digest of the file and of the code that read it,
 * so a rebuild re-renders only the files that changed.
 */

/** `.md` as editors usually write it, but also `.MD` or `.markdown`: none may be silently skipped. */
const MARKDOWN_FILE = /\.(md|markdown)$/i;

/** Markdown files under `dir`, skipping any file or folder whose name starts with `_` or `.`. */
function listArticleFiles(dir: string): string[] {
  return (
    readdirSync(dir, { recursive: true, withFileTypes: true })
      // A folder may be called `x.md`; a symlink is followed and checked when it is read.
      .filter((entry) => !entry.isDirectory() && MARKDOWN_FILE.test(entry.name))
      .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
      .filter((name) => !name.split('/').some((part) => part.startsWith('_') || part.startsWith('.')))
      .sort()
  );
}

/**
 * What the cached data and HTML were made with: every source file of src/lib and of this
 * loader, and the locked dependency versions. Changing the schema, the sanitiser or a library
 * invalidates the cache instead of serving HTML that the new code would not write.
 */
function codeFingerprint(rootDir: string): string {
  const sources = ['src/lib', 'src/loaders'].flatMap((dir) =>
    readdirSync(join(rootDir, dir), { recursive: true, encoding: 'utf8' })
      .filter((name) => name.endsWith('.ts'))
      .sort()
      .map((name) => join(rootDir, dir, name)),
  );
  return [...sources, join(rootDir, 'package-lock.json')]
    .filter((file) => existsSync(file))
    .map((file) => readFileSync(file, 'utf8'))
    .join('\0');
}

function readArticle(absolute: string, file: string): { ok: true; bytes: Buffer } | { ok: false; problem: Problem } {
  try {
    if (!statSync(absolute).isFile()) return { ok: false, problem: { file, message: '不是文件 / is not a file' } };
    return { ok: true, bytes: readFileSync(absolute) };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, problem: { file, message: `无法读取 / cannot be read: ${reason}` } };
  }
}

function syncAll(context: LoaderContext, baseDir: string, rootDir: string, code: string): Problem[] {
  const { store, generateDigest } = context;
  const problems: Problem[] = [];
  const untouched = new Set(store.keys());
  const fileOfId = new Map<string, string>();

  for (const name of listArticleFiles(baseDir)) {
    const absolute = join(baseDir, name);
    const file = relative(rootDir, absolute).split(sep).join('/');
    const id = name.replace(MARKDOWN_FILE, '');
    const twin = fileOfId.get(id);
    if (twin) {
      problems.push({ file, message: `与 ${twin} 同名，只能保留一个 / has the same name as ${twin}; keep one of them` });
      continue;
    }
    fileOfId.set(id, file);
    const read = readArticle(absolute, file);
    if (!read.ok) {
      problems.push(read.problem);
      continue;
    }
    const digest = generateDigest(`${code}\0${read.bytes.toString('latin1')}`);
    if (store.get(id)?.digest === digest) {
      untouched.delete(id);
      continue;
    }
    const parsed = parseArticleFile(file, read.bytes);
    if (!parsed.ok) {
      problems.push(...parsed.problems);
      continue;
    }
    untouched.delete(id);
    const { html, text } = renderMarkdown(parsed.body);
    store.set({
      id,
      data: parsed.data,
      filePath: file,
      digest,
      rendered: { html, metadata: { summary: parsed.data.summary ?? summarize(text) } },
    });
  }
  for (const id of untouched) store.delete(id);

  const articles = store.values().map((entry) => toArticle(entry.id, entry.filePath ?? entry.id, entry.data as ArticleData, ''));
  return [...problems, ...findConflicts(articles)];
}

/** An error for the editor: the message says it all, so Astro is given no stack to print. */
function contentError(message: string, hint: string): AstroError {
  const error = new AstroError(message, hint);
  error.stack = '';
  return error;
}

export function newsLoader({ base }: { base: string }): Loader {
  return {
    name: 'devzone-news',
    load: async (context) => {
      const rootDir = fileURLToPath(context.config.root);
      const baseDir = resolve(rootDir, base);
      if (!existsSync(baseDir) || !statSync(baseDir).isDirectory()) {
        // A mistyped folder must not publish an empty site.
        throw contentError(
          `找不到文章目录 / The content folder does not exist: ${baseDir}`,
          '检查 DEVZONE_CONTENT_DIR / Check DEVZONE_CONTENT_DIR.',
        );
      }
      const code = context.generateDigest(codeFingerprint(rootDir));
      const run = () => syncAll(context, baseDir, rootDir, code);
      const problems = run();

      if (!context.watcher) {
        if (problems.length) {
          throw contentError(
            `内容有误，未生成网站 / The content has errors; nothing was built.\n${formatReport(problems)}`,
            '修改上面列出的文件后重新构建 / Fix the files listed above and build again.',
          );
        }
        return;
      }
      // Preview: report problems and keep serving what is valid, so an editor can fix and reload.
      const report = (found: Problem[]) => found.length && context.logger.error(formatReport(found));
      report(problems);
      context.watcher.add(baseDir);
      const onChange = (changed: string) => {
        if (changed.startsWith(baseDir) && MARKDOWN_FILE.test(changed)) report(run());
      };
      context.watcher.on('change', onChange);
      context.watcher.on('add', onChange);
      context.watcher.on('unlink', onChange);
    },
  };
}
