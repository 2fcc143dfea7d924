import { readdirSync, readFileSync } from 'node:fs';
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
 * that HTML in the content store keyed by a digest of the file, so a rebuild re-renders only
 * the files that changed.
 */

/** Bump when the rendering pipeline changes, so cached HTML is not reused. */
const PIPELINE_VERSION = '1';

/** `.md` as editors usually write it, but also `.MD` or `.markdown`: none may be silently skipped. */
const MARKDOWN_FILE = /\.(md|markdown)$/i;

/** Markdown files under `dir`, skipping any file or folder whose name starts with `_` or `.`. */
export function listArticleFiles(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir, { recursive: true, encoding: 'utf8' });
  } catch {
    return [];
  }
  return names
    .map((name) => name.split(sep).join('/'))
    .filter((name) => MARKDOWN_FILE.test(name) && !name.split('/').some((part) => part.startsWith('_') || part.startsWith('.')))
    .sort();
}

interface SyncResult {
  problems: Problem[];
}

function syncAll(context: LoaderContext, baseDir: string, rootDir: string): SyncResult {
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
    const bytes = readFileSync(absolute);
    const digest = generateDigest(`${PIPELINE_VERSION}\0${bytes.toString('latin1')}`);
    const existing = store.get(id);
    if (existing?.digest === digest) {
      untouched.delete(id);
      continue;
    }
    const parsed = parseArticleFile(file, bytes);
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
  problems.push(...findConflicts(articles));
  return { problems };
}

export function newsLoader({ base }: { base: string }): Loader {
  return {
    name: 'devzone-news',
    load: async (context) => {
      const rootDir = fileURLToPath(context.config.root);
      const baseDir = resolve(rootDir, base);
      const run = () => syncAll(context, baseDir, rootDir);
      const { problems } = run();

      if (!context.watcher) {
        if (problems.length) {
          const error = new AstroError(
            `内容有误，未生成网站 / The content has errors; nothing was built.\n${formatReport(problems)}`,
            '修改上面列出的文件后重新构建 / Fix the files listed above and build again.',
          );
          // The problem is in the editor's files, not in this code: a stack trace would only
          // bury the list above, so Astro is given none to print.
          error.stack = '';
          throw error;
        }
        return;
      }
      // Preview: report problems and keep serving what is valid, so an editor can fix and reload.
      const report = (found: Problem[]) => found.length && context.logger.error(formatReport(found));
      report(problems);
      context.watcher.add(baseDir);
      const onChange = (changed: string) => {
        if (changed.startsWith(baseDir) && MARKDOWN_FILE.test(changed)) report(run().problems);
      };
      context.watcher.on('change', onChange);
      context.watcher.on('add', onChange);
      context.watcher.on('unlink', onChange);
    },
  };
}
