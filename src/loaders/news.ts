import { existsSync, readFileSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { AstroError } from 'astro/errors';
import { parseArticleFile } from '@/lib/content/article-file';
import { articleContext, checkContent, MARKDOWN_FILE, type CheckResult } from '@/lib/content/content-check';
import { bodyFile, ensureBodies, hasBody, pruneBodies, writeBody } from '@/lib/build/body-store';
import { cachePath, PREVIEW_CACHE_DIR } from '@/lib/build/cache-files';
import { sourceDigest } from '@/lib/build/source-digest';
import { recordStage } from '@/lib/build/stage-stats';
import { startProgress } from '@/lib/build/progress';
import { renderMarkdownFiles, summarize } from '@/lib/content/markdown';
import { writeArticleManifest } from '@/lib/build/article-manifest';
import { toArticle } from '@/lib/content/article';
import type { ArticleData } from '@/lib/content/schema';
import { runBatches, workerTask } from '@/lib/build/worker-pool';
import { formatReport, type Problem } from '@/lib/content/problems';
import { assignmentNotes } from '@/lib/content/slug-assign';
import { articlePath } from '@/lib/site/urls';
import { sitePlan } from '@/lib/site/site-plan';
import { buildTime } from '@/lib/build/clock';

/**
 * The news collection's loader. Astro's glob() loader stops at the first invalid file and
 * renders Markdown with its own pipeline; this one first runs the editors' check
 * (src/lib/content/content-check.ts, the same as `npm run check`), fails with every problem it found, renders
 * each body once with src/lib/content/markdown.ts, and keeps
 * that HTML in the content store keyed by a digest of the file and of the code that read it,
 * so a rebuild re-renders only the files that changed.
 */

/**
 * What a stored entry (an article's data, summary and body file) is made with, relative to the
 * project root: part of every article's digest, so changing the schema, the sanitiser or a
 * library re-renders every article instead of serving HTML the new code would not write. The
 * digest names the body file, which is in every article page's key (src/lib/site/page-keys.ts)
 * and every search shard's (src/integrations/pagefind-shard.ts), so this list is also what
 * re-renders every article page and re-indexes every shard: it holds the code that shapes the
 * entry and nothing else.
 * - src/lib/content/: reading, checking and rendering an article (frontmatter, schema, registry,
 *   Markdown). The folder imports nothing outside itself (docs/architecture.md#boundaries), so
 *   it is all the project code those run.
 * - src/loaders/: this loader.
 * - src/lib/build/body-store.ts: how a body file is written and named.
 * - package-lock.json: the libraries (remark, rehype, the sanitiser, zod, yaml, pinyin).
 * Left out: src/lib/site/urls.ts (the check names an article's URL only in its messages, and a
 * problem stops the build); the article manifest and the cache folder's names
 * (src/lib/build/article-manifest.ts, cache-files.ts: the manifest is written afresh from the
 * store at every sync, and an entry whose body file is not where this sync puts it is rendered
 * again whatever its digest); stage-stats.ts and progress.ts (timings and progress lines only);
 * src/content.config.ts, which Astro hashes itself (it empties the store when that file changes).
 */
const LOADER_CODE = ['src/lib/content', 'src/loaders', 'src/lib/build/body-store.ts', 'package-lock.json'];

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
  const bodies = cachePath(context.watcher ? join(rootDir, PREVIEW_CACHE_DIR) : fileURLToPath(context.config.cacheDir), 'bodies');
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
  const started = performance.now();
  let rendered = 0;
  const progress = startProgress({ label: 'articles rendered', total: changed.length, log: (line) => context.logger.info(line) });
  const options = {
    task: RENDER,
    input: ({ file, body }: { file: string; body: string }) => ({ file, body }),
    expected: changed.length,
    inPlaceBelow: IN_PLACE_LIMIT,
    threads: availableParallelism(),
    batch: RENDER_BATCH,
  };
  await runBatches(jobs(), options, ({ id, file, digest, data }, { html, text, images }) => {
    rendered++;
    progress.tick();
    const body = bodyFile(bodies, digest);
    writeBody(body, html);
    // The body is not in the store (src/lib/build/body-store.ts): pages read it from `bodyFile`.
    store.set({
      id,
      data,
      filePath: file,
      digest,
      rendered: { html: '', metadata: { summary: data.summary ?? summarize(text), bodyFile: body, imagePaths: images } },
    });
  }).finally(() => progress.done());
  // What a rebuild had to render tells an editor (and the bench) whether a code change reached the articles.
  const total = result.articles.length;
  context.logger.info(`rendered ${rendered} of ${total} articles (${total - rendered} unchanged since the last sync)`);
  recordStage({ stage: 'render', ms: performance.now() - started, rendered, articles: total });
  for (const id of untouched) store.delete(id);
  pruneBodies(bodies, kept);
  if (!context.watcher) {
    // With the slugs the check gave the archive (src/lib/content/slug-assign.ts), as pages get them.
    const entries = [...store.values()].map((entry) => {
      const article = toArticle(
        entry.id,
        entry.filePath ?? entry.id,
        entry.data as ArticleData,
        String(entry.rendered?.metadata?.summary ?? ''),
      );
      return {
        article: { ...article, slug: result.slugs.articleSlugs.get(entry.id) ?? article.slug },
        bodyFile: String(entry.rendered?.metadata?.bodyFile),
      };
    });
    writeArticleManifest(cachePath(fileURLToPath(context.config.cacheDir), 'articleManifest'), entries);
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
      const code = sourceDigest(rootDir, LOADER_CODE);
      // The check comes first: a build with a problem renders nothing.
      // Body links are judged against what this build writes: its public/ folder, its clock.
      const check = () =>
        checkContent({ rootDir, contentDir: baseDir, articlePath, site: sitePlan(fileURLToPath(context.config.publicDir), buildTime()) });
      const result = check();
      // URLs that moved, and names the slug lock does not record yet: said on every build until fixed.
      const notes = assignmentNotes(result.slugs, result.slugLock.file);
      if (notes.length) context.logger.warn(notes.join('\n'));

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
