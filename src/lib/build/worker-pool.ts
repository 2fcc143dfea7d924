import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import type { TaskMessage } from './pool-worker.ts';

/**
 * Worker threads for the build's CPU-heavy stages, on piscina: Markdown rendering during the
 * content sync (src/loaders/news.ts), the search shards, each indexed by its own Pagefind process
 * (src/integrations/pagefind.ts), and the audit's reading of the output (src/lib/audit/runner.ts).
 *
 * One protocol for all of them: every thread runs src/lib/build/pool-worker.ts, and a task is
 * `{ module, name, input }`, the module and exported function to run on `input`. Why not
 * piscina's own `filename` and `name` per task: piscina would import the task's module itself,
 * before anything registered the `@/` alias hook in that thread; and one entry that exported
 * every task would make src/lib/build import the loader, the audit and the integrations. Here the
 * entry registers the hook, then imports whichever module a task names: each task stays a
 * plain exported function beside the code it belongs to.
 *
 * Where the pools start: only from code that Node or Vite's module runner loads from its source
 * file (the content loader from content.config.ts, the integrations from astro.config.mjs,
 * scripts/audit.ts), never from code bundled into pages or endpoints. There `import.meta.url`
 * is this file, so the entry's URL below is the real pool-worker.ts; in a bundled chunk (under
 * dist/.prerender) it would name a file that is not there.
 *
 * Code that runs in the threads is not part of any page's dependency hash: a cache keyed on the
 * code that made its entries must name the task modules, and what they import, itself.
 */

const ENTRY = fileURLToPath(new URL('./pool-worker.ts', import.meta.url));

/** A function that runs on a pool thread: the module the thread imports it from, and the function itself. */
export interface WorkerTask<I, O> {
  /** As the thread imports it: an `@/` path (the entry registers the alias) or a file URL. */
  readonly module: string;
  /** The function's name, which the module exports it under. */
  readonly name: string;
  /** The same function, to run on this thread (small jobs, tests). */
  readonly local: (input: I) => O | Promise<O>;
}

/**
 * A task of `module`: `local`, which that module exports under its own name. Input and output
 * cross threads by structured clone: plain data, no functions or class instances.
 */
export function workerTask<F extends (input: never) => unknown>(
  module: string,
  local: F,
): WorkerTask<Parameters<F>[0], Awaited<ReturnType<F>>> {
  if (!local.name) throw new Error(`a worker task of ${module} must be a named function`);
  return { module, name: local.name, local: local as unknown as WorkerTask<Parameters<F>[0], Awaited<ReturnType<F>>>['local'] };
}

/** An error that says which task failed, with the task's own message (which names its article, file or shard). */
function taskError(task: WorkerTask<never, unknown>, error: unknown): Error {
  const message = error instanceof Error ? error.message : String(error);
  return new Error(`${task.name} (${task.module}) failed: ${message}`, { cause: error });
}

export interface WorkerPool {
  /** Runs `task` on `input` on a free thread, queued until one is free; rejects with an error naming the task. */
  run<I, O>(task: WorkerTask<I, O>, input: I): Promise<O>;
  /** Stops every thread; tasks still running reject. */
  destroy(): Promise<void>;
  /** Threads started and not yet stopped. */
  readonly threads: number;
}

/**
 * Up to `threads` worker threads, each started when a task first needs it and kept until
 * destroy() (no idle timeout: a thread keeps the modules it loaded). An idle thread does not keep
 * the process alive; a running task does.
 */
export function startPool(threads: number): WorkerPool {
  const pool = new Piscina<TaskMessage, unknown>({
    filename: ENTRY,
    minThreads: 0,
    maxThreads: Math.max(1, threads),
    idleTimeout: Infinity,
  });
  // piscina emits 'error' for a reply that belongs to no task: one that was on its way from a
  // thread when destroy() dropped that thread's tasks (they have rejected already, so the reply
  // has nobody to go to). With no listener, the emit would throw it as an uncaught exception and
  // crash a build that was failing cleanly. Any other such error is thrown as before.
  let destroying = false;
  pool.on('error', (error: unknown) => {
    if (!destroying) throw error;
  });
  return {
    run: async <I, O>(task: WorkerTask<I, O>, input: I): Promise<O> => {
      try {
        return (await pool.run({ module: task.module, name: task.name, input })) as O;
      } catch (error) {
        throw taskError(task, error);
      }
    },
    destroy: () => {
      destroying = true;
      return pool.destroy();
    },
    get threads() {
      return pool.threads.length;
    },
  };
}

/** A feed started by feed(): `widen` raises how many items are out at once; `finished` settles when all are consumed or one failed. */
export interface Feed {
  widen(limit: number): void;
  readonly finished: Promise<void>;
}

/**
 * Takes `items` lazily and starts each (`start`, on a pool or on this thread), with at most `limit`
 * of them started and not yet consumed, so a large job never holds every input or result at once.
 * Each result goes to `consume` as it arrives, or in the order of `items` when `ordered`.
 * `finished` rejects with the first error (of the iterator, a start, a task or `consume`), and no
 * item is started after it; it is marked as handled, so a feed awaited only later does not fail
 * the process on its own.
 */
export function feed<I, O>(
  items: Iterable<I>,
  options: { limit: number; ordered?: boolean },
  start: (item: I) => O,
  consume: (item: I, result: Awaited<O>) => void,
): Feed {
  const iterator = items[Symbol.iterator]();
  let resolve = () => {};
  let reject: (error: unknown) => void = () => {};
  const finished = new Promise<void>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  finished.catch(() => {});
  let limit = Math.max(1, options.limit);
  let taken = 0;
  let consumed = 0;
  let exhausted = false;
  let failed = false;
  /** Results waiting for those before them (ordered), by index. */
  const waiting = new Map<number, [I, Awaited<O>]>();
  const fail = (error: unknown) => {
    if (failed) return;
    failed = true;
    reject(error);
  };
  const arrived = (index: number, item: I, result: Awaited<O>) => {
    if (failed) return;
    try {
      if (!options.ordered) {
        consumed++;
        consume(item, result);
      } else {
        waiting.set(index, [item, result]);
        for (let next = waiting.get(consumed); next; next = waiting.get(consumed)) {
          waiting.delete(consumed++);
          consume(...next);
        }
      }
    } catch (error) {
      return fail(error);
    }
    fill();
  };
  const fill = () => {
    while (!failed && !exhausted && taken - consumed < limit) {
      try {
        const next = iterator.next();
        if (next.done) {
          exhausted = true;
          break;
        }
        const index = taken++;
        Promise.resolve(start(next.value)).then(
          (result) => arrived(index, next.value, result),
          (error: unknown) => fail(error),
        );
      } catch (error) {
        fail(error);
      }
    }
    if (!failed && exhausted && consumed === taken) resolve();
  };
  fill();
  return {
    finished,
    widen: (wider) => {
      limit = Math.max(limit, wider);
      fill();
    },
  };
}

/** `items` in arrays of `size`, taken lazily. */
export function* inBatches<T>(items: Iterable<T>, size: number): Generator<T[]> {
  let batch: T[] = [];
  for (const item of items) {
    batch.push(item);
    if (batch.length >= size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

export interface BatchOptions<J, I, O> {
  /** Runs on a batch of inputs, one result per input, in order. */
  task: WorkerTask<I[], O[]>;
  /** What the task is given of a job (the rest of it stays on this thread). */
  input: (job: J) => I;
  /** How many jobs there are (the iterable is not counted). */
  expected: number;
  /** Below this many jobs the task runs on this thread: starting threads and loading the task's module into each costs more than it saves. */
  inPlaceBelow: number;
  threads: number;
  batch: number;
}

/**
 * Runs `task` over `jobs` in batches and hands each job's result to `done`, in no particular
 * order. `jobs` is consumed lazily, on this thread, while the threads work: two batches per
 * thread are out at once, one running and one queued, so a thread does not wait for this thread
 * to make its next batch. With few jobs, or a single thread, everything runs here in order.
 */
export async function runBatches<J, I, O>(
  jobs: Iterable<J>,
  options: BatchOptions<J, I, O>,
  done: (job: J, result: O) => void,
): Promise<void> {
  const { task, input } = options;
  const hand = (batch: J[], results: O[]) => batch.forEach((job, i) => done(job, results[i]));
  if (options.expected < options.inPlaceBelow || options.threads < 2) {
    for (const batch of inBatches(jobs, options.batch)) {
      let results: O[];
      try {
        results = await task.local(batch.map(input));
      } catch (error) {
        throw taskError(task, error);
      }
      hand(batch, results);
    }
    return;
  }
  const pool = startPool(options.threads);
  try {
    await feed(inBatches(jobs, options.batch), { limit: options.threads * 2 }, (batch) => pool.run(task, batch.map(input)), hand).finished;
  } finally {
    await pool.destroy();
  }
}
