import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { AstroError } from 'astro/errors';
import { parseArticleFile } from '@/lib/content/article-file';
import { articleContext, checkContent, MARKDOWN_FILE, type CheckResult } from '@/lib/content/content-check';
import { bodyFile, BODIES_FOLDER, ensureBodies, hasBody, pruneBodies, writeBody } from '@/lib/build/body-store';
import { renderMarkdownFiles, summarize } from '@/lib/content/markdown';
import { ARTICLE_MANIFEST, writeArticleManifest } from '@/lib/build/article-manifest';
import { toArticle } from '@/lib/content/article';
import type { ArticleData } from '@/lib/content/schema';
import { runBatches, workerTask } from '@/lib/build/worker-pool';
import { formatReport, type Problem } from '@/lib/content/problems';
import { articlePath } from '@/lib/site/urls';

/**
 * The news collection's loader. Astro's glob() loader stops at the first invalid file and
 * renders Markdown with its own pipeline; this one first runs the editors' check
 * (src/lib/content/content-check.ts, the same as `npm run check`), fails with every problem it found, renders
 * each body once with src/lib/content/markdown.ts, and keeps
 * that HTML in the content store keyed by a digest of the file and of the code that read it,
 * so a rebuild re-renders only the files that changed.
 */

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

/**
 * Rendering (remark, rehype, the sanitiser) is most of a cold content sync, about 2 ms an
 * article, and one article does not depend on another: batches go to a worker thread on every
 * core (src/lib/build/worker-pool.ts) while this thread reads and checks the next files. A few
 * changed articles (a rebuild) are rendered in place: starting the threads and loading the
 * Markdown libraries into them costs more than rendering a handful.
 */
const RENDER = workerTask('@/lib/content/markdown', renderMarkdownFiles);
/** Below this many articles to render, starting threads costs more than it saves. */
const IN_PLACE_LIMIT = 300;
const RENDER_BATCH = 50;

/**
 * Stores every article that passed the check, rendering only those whose file (or the code, or
 * the registry) changed since the cached copy, and drops the rest from the store.
 */
async function storeChecked(context: LoaderContext, result: CheckResult, rootDir: string, code: string): Promise<void> {
  const { store, generateDigest } = context;
  const untouched = new Set(store.keys());
  // How an article is filed depends on the registry: a change there re-files every article.
  const key = generateDigest(`${code}\0${result.registrySource}`);
  const fileContext = articleContext(result.registry, join(rootDir, 'public'));
  // Beside the store: the preview's store is in .astro/, a build's in cacheDir, and each prunes
  // the bodies the other's store does not name.
  const bodies = fileURLToPath(new URL(BODIES_FOLDER, context.watcher ? new URL('.astro/', context.config.root) : context.config.cacheDir));
  ensureBodies(bodies);

  const changed: Array<{ id: string; file: string; absolute: string; digest: string }> = [];
  const kept = new Set<string>();
  for (const { id, file, absolute } of result.articles) {
    const digest = generateDigest(`${key}\0${readFileSync(absolute).toString('latin1')}`);
    untouched.delete(id);
    const body = bodyFile(bodies, digest);
    kept.add(body);
    const cached = store.get(id);
    // A cached entry is reused only while its body file is still there.
    if (cached?.digest !== digest || cached.rendered?.metadata?.bodyFile !== body || !hasBody(body)) {
      changed.push({ id, file, absolute, digest });
    }
  }
  // Read and parsed again one by one as the renderers ask for them, so that a cold build of a
  // large archive never holds every body at once.
  function* jobs(): Generator<{ id: string; file: string; digest: string; data: ArticleData; body: string }> {
    for (const { id, file, absolute, digest } of changed) {
      const parsed = parseArticleFile(file, readFileSync(absolute), fileContext);
      if (!parsed.ok) continue; // changed between the check and now; the next run reports it
      yield { id, file, digest, data: parsed.data, body: parsed.body };
    }
  }
  const options = {
    task: RENDER,
    input: ({ file, body }: { file: string; body: string }) => ({ file, body }),
    expected: changed.length,
    inPlaceBelow: IN_PLACE_LIMIT,
    threads: availableParallelism(),
    batch: RENDER_BATCH,
  };
  await runBatches(jobs(), options, ({ id, file, digest, data }, { html, text }) => {
    const body = bodyFile(bodies, digest);
    writeBody(body, html);
    // The body is not in the store (src/lib/build/body-store.ts): pages read it from `bodyFile`.
    store.set({
      id,
      data,
      filePath: file,
      digest,
      rendered: { html: '', metadata: { summary: data.summary ?? summarize(text), bodyFile: body } },
    });
  });
  for (const id of untouched) store.delete(id);
  pruneBodies(bodies, kept);
  if (!context.watcher) {
    const entries = [...store.values()].map((entry) => ({
      article: toArticle(entry.id, entry.filePath ?? entry.id, entry.data as ArticleData, String(entry.rendered?.metadata?.summary ?? '')),
      bodyFile: String(entry.rendered?.metadata?.bodyFile),
    }));
    writeArticleManifest(fileURLToPath(new URL(ARTICLE_MANIFEST, context.config.cacheDir)), entries);
  }
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
      // The check comes first: a build with a problem renders nothing.
      const check = () => checkContent({ rootDir, contentDir: baseDir, articlePath });
      const result = check();

      if (!context.watcher) {
        if (result.problems.length) {
          throw contentError(
            `内容有误，未生成网站 / The content has errors; nothing was built.\n${formatReport(result.problems)}`,
            '修改上面列出的文件后重新构建 / Fix the files listed above and build again.',
          );
        }
        await storeChecked(context, result, rootDir, code);
        return;
      }
      // Preview: report problems and keep serving what is valid, so an editor can fix and reload.
      const report = (found: Problem[]) => found.length && context.logger.error(formatReport(found));
      await storeChecked(context, result, rootDir, code);
      report(result.problems);
      // Editing the registry re-files every article (official names, regions), so it is watched too.
      const registryFile = resolve(rootDir, result.registryFile);
      context.watcher.add([baseDir, registryFile]);
      const onChange = (changed: string) => {
        if ((changed.startsWith(baseDir) && MARKDOWN_FILE.test(changed)) || changed === registryFile) {
          const again = check();
          storeChecked(context, again, rootDir, code).then(
            () => report(again.problems),
            (error: unknown) => context.logger.error(String(error)),
          );
        }
      };
      context.watcher.on('change', onChange);
      context.watcher.on('add', onChange);
      context.watcher.on('unlink', onChange);
    },
  };
}
