import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { renderMarkdown, type RenderedBody } from '../lib/content/markdown.ts';

/**
 * Renders Markdown on every core. Rendering (remark, rehype, the sanitiser) is most of a cold
 * content sync, about 2 ms an article, and one article does not depend on another, so batches go
 * to worker threads (src/loaders/markdown-worker.ts) while the main thread reads and checks the
 * next files. A few changed articles (a rebuild) are rendered in place: starting the workers and
 * loading the Markdown libraries into them costs more than rendering a handful.
 */

export interface RenderJob<T> {
  item: T;
  body: string;
}

/** Below this many articles, starting workers costs more than it saves. */
export const IN_PLACE_LIMIT = 300;
const BATCH = 50;

function take<T>(jobs: Iterator<RenderJob<T>>, count: number): Array<RenderJob<T>> {
  const batch: Array<RenderJob<T>> = [];
  while (batch.length < count) {
    const next = jobs.next();
    if (next.done) break;
    batch.push(next.value);
  }
  return batch;
}

function request(worker: Worker, bodies: string[]): Promise<RenderedBody[]> {
  return new Promise((resolve, reject) => {
    const onMessage = (reply: { ok: true; results: RenderedBody[] } | { ok: false; message: string }) => {
      worker.off('error', onError);
      if (reply.ok) resolve(reply.results);
      else reject(new Error(reply.message));
    };
    const onError = (error: Error) => {
      worker.off('message', onMessage);
      reject(error);
    };
    worker.once('message', onMessage);
    worker.once('error', onError);
    worker.postMessage(bodies);
  });
}

/**
 * Renders every job's body and hands each result to `done`, in no particular order. `jobs` is
 * consumed lazily, on the main thread, while workers render what was already taken.
 */
export async function renderAll<T>(
  jobs: Iterable<RenderJob<T>>,
  expected: number,
  done: (item: T, rendered: RenderedBody) => void,
  threads = availableParallelism(),
): Promise<void> {
  const iterator = jobs[Symbol.iterator]();
  if (expected < IN_PLACE_LIMIT || threads < 2) {
    for (let next = iterator.next(); !next.done; next = iterator.next()) done(next.value.item, renderMarkdown(next.value.body));
    return;
  }
  const script = new URL('./markdown-worker.ts', import.meta.url);
  const workers = Array.from({ length: threads }, () => new Worker(script));
  try {
    await Promise.all(
      workers.map(async (worker) => {
        for (let batch = take(iterator, BATCH); batch.length > 0; batch = take(iterator, BATCH)) {
          const results = await request(
            worker,
            batch.map((job) => job.body),
          );
          batch.forEach((job, index) => done(job.item, results[index]));
        }
      }),
    );
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}
