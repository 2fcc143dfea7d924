import { closeSync, openSync, readdirSync, readSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { isMainThread, MessageChannel, type MessagePort, receiveMessageOnPort, Worker, workerData } from 'node:worker_threads';
import { parseArticleFile, type ArticleFileContext } from '@/lib/article-file';
import { toArticle, type Article } from '@/lib/articles';
import { coverFile, fileSize } from '@/lib/covers';
import { findConflicts } from '@/lib/conflicts';
import type { Problem } from '@/lib/problems';
import { readRegistry, type Registry } from '@/lib/registry';

/**
 * The one check of the content: every article file (encoding, YAML, schema, registry, cover)
 * and then the archive as a whole (URLs, source names, old URLs). The content loader runs it
 * before rendering anything, and `npm run check` prints it, so an editor never sees two
 * verdicts.
 */

/** `.md` as editors usually write it, but also `.MD` or `.markdown`: none may be silently skipped. */
export const MARKDOWN_FILE = /\.(md|markdown)$/i;

/**
 * Markdown files under `dir` (paths relative to it, `/`-separated, sorted), skipping any file or
 * folder whose name starts with `_` or `.`. A hand-written walk: it does not descend into
 * skipped folders and was three times faster than readdirSync's recursive mode on 10,000 files.
 */
export function listArticleFiles(dir: string): string[] {
  const found: string[] = [];
  const walk = (folder: string, prefix: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      if (entry.name.startsWith('_') || entry.name.startsWith('.')) continue;
      // A folder may be called `x.md`; a symlink is followed and checked when it is read.
      if (entry.isDirectory()) walk(join(folder, entry.name), `${prefix}${entry.name}/`);
      else if (MARKDOWN_FILE.test(entry.name)) found.push(`${prefix}${entry.name}`);
    }
  };
  walk(resolve(dir), '');
  return found.sort();
}

export interface CheckOptions {
  /** The project root: file names in problems are relative to it. */
  rootDir: string;
  /** The news folder, absolute or relative to rootDir. */
  contentDir: string;
  /** Where covers live; default `public/` under rootDir. */
  publicDir?: string;
  /**
   * Check files on a second thread as well (see checkOnTwoThreads). Only for a process started
   * with `--import ./scripts/register-alias.ts`, which the worker inherits to resolve `@/`:
   * `npm run check`, not the content loader inside Astro. The result is the same either way.
   */
  twoThreads?: boolean;
}

export interface CheckedArticle {
  /** Path under the content folder without the extension: the collection id. */
  id: string;
  /** Path relative to the project root, for messages. */
  file: string;
  absolute: string;
  article: Article;
}

export interface CheckResult {
  problems: Problem[];
  /** Files that passed the per-file checks, in file order. */
  articles: CheckedArticle[];
  registry?: Registry;
  /** The registry file's path and text, which decide how articles are filed. */
  registryFile: string;
  registrySource: string;
}

/**
 * Reads a file into one buffer reused by every read on this thread, so the bytes are valid until
 * the next read. readFileSync would stat each file and allocate a buffer for it; parseArticleFile
 * keeps nothing of the bytes (gray-matter decodes them into strings at once).
 */
let scratch = Buffer.allocUnsafe(64 * 1024);
function readShared(absolute: string): Buffer {
  const fd = openSync(absolute, 'r');
  try {
    for (let length = 0; ; ) {
      if (length === scratch.length) scratch = Buffer.concat([scratch], 2 * length);
      const read = readSync(fd, scratch, length, scratch.length - length, null);
      if (read === 0) return scratch.subarray(0, length);
      length += read;
    }
  } finally {
    closeSync(fd);
  }
}

function readArticle(absolute: string, file: string): { ok: true; bytes: Buffer } | { ok: false; problem: Problem } {
  try {
    return { ok: true, bytes: readShared(absolute) };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EISDIR') return { ok: false, problem: { file, message: '不是文件 / is not a file' } };
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, problem: { file, message: `无法读取 / cannot be read: ${reason}` } };
  }
}

/** What parseArticleFile needs to know about the project: its registry and public folder. */
export function articleContext(registry: Registry | undefined, publicDir: string): ArticleFileContext {
  const known = new Map<string, boolean>();
  return {
    registry,
    coverExists: (path) => {
      let found = known.get(path);
      if (found === undefined) {
        const file = coverFile(publicDir, path);
        found = file !== undefined && fileSize(file) !== undefined;
        known.set(path, found);
      }
      return found;
    },
  };
}

/** One article file to check; `twin` is the file that already has its id. */
interface FileTask {
  id: string;
  file: string;
  absolute: string;
  twin?: string;
}

type FileOutcome = { problems: Problem[] } | { checked: CheckedArticle };

function checkFile({ id, file, absolute, twin }: FileTask, context: ArticleFileContext): FileOutcome {
  if (twin) return { problems: [{ file, message: `与 ${twin} 同名，只能保留一个 / has the same name as ${twin}; keep one of them` }] };
  const read = readArticle(absolute, file);
  if (!read.ok) return { problems: [read.problem] };
  const parsed = parseArticleFile(file, read.bytes, context);
  return parsed.ok ? { checked: { id, file, absolute, article: toArticle(id, file, parsed.data, '') } } : { problems: parsed.problems };
}

/** Files are handed out in chunks, in order, to whichever thread is free. */
const CHUNK = 200;
/** Below this many files a second thread cannot start before the first has finished. */
const TWO_THREADS_FROM = 1000;
/** The worker's state, in `shared[1]`; `shared[0]` is the next chunk to check. */
const WAITING = 0;
const RUNNING = 1;
const DONE = 2;
const CANCELLED = 3;

interface WorkerInput {
  devzoneCheck: true;
  tasks: FileTask[];
  registry?: Registry;
  publicDir: string;
  shared: Int32Array;
  port: MessagePort;
}

type ChunkMessage = { start: number; outcomes: FileOutcome[] } | { error: string };

function checkChunks(tasks: FileTask[], context: ArticleFileContext, shared: Int32Array, done: (start: number, outcomes: FileOutcome[]) => void) {
  for (let start = Atomics.add(shared, 0, 1) * CHUNK; start < tasks.length; start = Atomics.add(shared, 0, 1) * CHUNK) {
    done(
      start,
      tasks.slice(start, start + CHUNK).map((task) => checkFile(task, context)),
    );
  }
}

/**
 * The per-file checks on this thread and one worker (this module again), sharing out chunks of
 * files, so a 2-core machine reads and parses with both. Each file's outcome is stored at its
 * index, so problems and articles come out in the order the one-thread check gives. Synchronous,
 * like the rest of the check: the worker posts each chunk on a MessagePort that is read with
 * receiveMessageOnPort once the worker says it is done. A worker that has not started by the time
 * this thread runs out of files is cancelled, so a slow start-up never makes the check slower.
 */
function checkOnTwoThreads(tasks: FileTask[], registry: Registry | undefined, publicDir: string): FileOutcome[] {
  const shared = new Int32Array(new SharedArrayBuffer(8));
  const { port1, port2 } = new MessageChannel();
  const input: WorkerInput = { devzoneCheck: true, tasks, registry, publicDir, shared, port: port2 };
  const worker = new Worker(new URL(import.meta.url), { workerData: input, transferList: [port2] });
  worker.unref();
  const outcomes = new Array<FileOutcome>(tasks.length);
  const store = (start: number, chunk: FileOutcome[]) => chunk.forEach((outcome, index) => (outcomes[start + index] = outcome));
  try {
    checkChunks(tasks, articleContext(registry, publicDir), shared, store);
    if (Atomics.compareExchange(shared, 1, WAITING, CANCELLED) === RUNNING) {
      while (Atomics.load(shared, 1) === RUNNING) Atomics.wait(shared, 1, RUNNING);
    }
    for (let received = receiveMessageOnPort(port1); received; received = receiveMessageOnPort(port1)) {
      const message = received.message as ChunkMessage;
      if ('error' in message) throw new Error(`check worker: ${message.error}`);
      store(message.start, message.outcomes);
    }
  } finally {
    port1.close();
    void worker.terminate();
  }
  return outcomes;
}

function workerMain({ tasks, registry, publicDir, shared, port }: WorkerInput): void {
  if (Atomics.compareExchange(shared, 1, WAITING, RUNNING) !== WAITING) return;
  try {
    const context = articleContext(registry, publicDir);
    checkChunks(tasks, context, shared, (start, outcomes) => port.postMessage({ start, outcomes } satisfies ChunkMessage));
  } catch (error) {
    port.postMessage({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies ChunkMessage);
  } finally {
    Atomics.store(shared, 1, DONE);
    Atomics.notify(shared, 1);
  }
}

if (!isMainThread && (workerData as Partial<WorkerInput> | null)?.devzoneCheck) workerMain(workerData as WorkerInput);

/** Checks every article under `contentDir` (which must exist) and the registry next to it. */
export function checkContent({ rootDir, contentDir, publicDir, twoThreads }: CheckOptions): CheckResult {
  const baseDir = resolve(rootDir, contentDir);
  const registryRead = readRegistry(rootDir, baseDir);
  const problems: Problem[] = [...registryRead.problems];
  const covers = publicDir ?? join(rootDir, 'public');

  const prefix = relative(rootDir, baseDir).split(sep).join('/');
  const fileOfId = new Map<string, string>();
  const tasks = listArticleFiles(baseDir).map((name): FileTask => {
    const file = prefix ? `${prefix}/${name}` : name;
    const id = name.replace(MARKDOWN_FILE, '');
    const twin = fileOfId.get(id);
    if (!twin) fileOfId.set(id, file);
    return { id, file, absolute: `${baseDir}/${name}`, twin };
  });
  const context = articleContext(registryRead.registry, covers);
  const outcomes =
    twoThreads && tasks.length >= TWO_THREADS_FROM
      ? checkOnTwoThreads(tasks, registryRead.registry, covers)
      : tasks.map((task) => checkFile(task, context));
  const articles: CheckedArticle[] = [];
  for (const outcome of outcomes) {
    if ('checked' in outcome) articles.push(outcome.checked);
    else problems.push(...outcome.problems);
  }
  problems.push(...findConflicts(articles.map((checked) => checked.article)));
  return { problems, articles, registry: registryRead.registry, registryFile: registryRead.file, registrySource: registryRead.source };
}
