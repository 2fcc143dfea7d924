import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { threadId } from 'node:worker_threads';
import { describe, expect, test } from 'vitest';
import { renderMarkdown, renderMarkdownFiles } from '@/lib/content/markdown';
import { feed, inBatches, runBatches, startPool, workerTask } from '@/lib/build/worker-pool';
import { hang, refuse, refuseAll, square, threadsOf } from './pool-tasks';

const TASKS = new URL('./pool-tasks.ts', import.meta.url).href;
const SQUARE = workerTask(TASKS, square);
const REFUSE = workerTask(TASKS, refuse);
const HANG = workerTask(TASKS, hang);
const THREADS_OF = workerTask(TASKS, threadsOf);
const REFUSE_ALL = workerTask(TASKS, refuseAll);
const RENDER = workerTask('@/lib/content/markdown', renderMarkdownFiles);

/** Node's worker threads alive in this process, by their name in /proc (Linux). */
function workerThreads(): number {
  return readdirSync('/proc/self/task').filter((task) => readFileSync(`/proc/self/task/${task}/comm`, 'utf8').trim() === 'WorkerThread')
    .length;
}
const PROC = existsSync('/proc/self/task');

const bodies = Array.from(
  { length: 330 },
  (_, i) =>
    `# 第 ${i} 条\n\n正文 **${i}**，见[链接](https://example.org/${i})。<script>alert(${i})</script>\n\n| a | b |\n| - | - |\n| ${i} | 2 |`,
);

describe('workerTask', () => {
  test('names the function its module exports', () => {
    expect(SQUARE).toMatchObject({ module: TASKS, name: 'square' });
    expect(() => workerTask(TASKS, (n: number) => n)).toThrow(/must be a named function/);
  });
});

describe('startPool', () => {
  test('runs tasks on at most its threads, started as needed, and stops them', async () => {
    const pool = startPool(2);
    expect(pool.threads).toBe(0);
    try {
      expect(await Promise.all([1, 2, 3, 4, 5].map((n) => pool.run(SQUARE, n)))).toEqual([1, 4, 9, 16, 25]);
      const ran = (await Promise.all([0, 1, 2, 3].map(() => pool.run(THREADS_OF, [0])))).flat();
      expect(ran).not.toContain(threadId);
      expect(new Set(ran).size).toBeLessThanOrEqual(2);
      expect(pool.threads).toBeLessThanOrEqual(2);
    } finally {
      await pool.destroy();
    }
    expect(pool.threads).toBe(0);
  });

  test("an error in a task rejects with the task's name and its message", async () => {
    const pool = startPool(1);
    try {
      await expect(pool.run(REFUSE, 'zone 7')).rejects.toThrow(`refuse (${TASKS}) failed: refused zone 7`);
      // The thread is still usable afterwards.
      expect(await pool.run(SQUARE, 3)).toBe(9);
      const missing = workerTask(TASKS, function absent() {});
      await expect(pool.run(missing, undefined)).rejects.toThrow(`${TASKS} exports no function named absent`);
    } finally {
      await pool.destroy();
    }
  });

  test('destroy stops the threads; a task not finished rejects', async () => {
    const pool = startPool(1);
    const outcome = pool.run(HANG, undefined).then(
      () => 'resolved',
      (error: Error) => error.message,
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(pool.threads).toBe(1);
    await pool.destroy();
    expect(await outcome).toMatch(/^hang \(.*\) failed: /);
    expect(pool.threads).toBe(0);
  });
});

describe('feed', () => {
  /** A start whose results the test resolves by hand. */
  function manual() {
    const pending = new Map<number, (value: number) => void>();
    const start = (n: number) => new Promise<number>((resolve) => pending.set(n, resolve));
    return { pending, start };
  }

  test('takes items lazily, at most `limit` out at once, and widens', async () => {
    const { pending, start } = manual();
    let taken = 0;
    function* items() {
      for (let n = 0; n < 6; n++) {
        taken++;
        yield n;
      }
    }
    const seen: number[] = [];
    const running = feed(items(), { limit: 2 }, start, (n, result) => seen.push(n * 10 + result));
    expect(taken).toBe(2);
    pending.get(1)?.(1);
    await Promise.resolve();
    await Promise.resolve();
    expect(seen).toEqual([11]);
    expect(taken).toBe(3);
    running.widen(4);
    expect(taken).toBe(5);
    for (const n of [0, 2, 3, 4]) pending.get(n)?.(n);
    await new Promise((resolve) => setTimeout(resolve, 0));
    pending.get(5)?.(5);
    await running.finished;
    expect(seen.sort((a, b) => a - b)).toEqual([0, 11, 22, 33, 44, 55]);
  });

  test('hands results in the order of the items when ordered, holding no more than the limit', async () => {
    const { pending, start } = manual();
    const seen: number[] = [];
    const running = feed([0, 1, 2, 3], { limit: 2, ordered: true }, start, (n) => seen.push(n));
    pending.get(1)?.(1);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(seen).toEqual([]);
    expect(pending.has(2)).toBe(false); // 1 is done but waits for 0: still out
    pending.get(0)?.(0);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(seen).toEqual([0, 1]);
    pending.get(3)?.(3);
    pending.get(2)?.(2);
    await running.finished;
    expect(seen).toEqual([0, 1, 2, 3]);
  });

  test('fails with the first error and starts nothing after it', async () => {
    const started: number[] = [];
    const running = feed(
      [1, 2, 3, 4],
      { limit: 1 },
      (n) => {
        started.push(n);
        if (n === 2) throw new Error('no 2');
        return n;
      },
      () => {},
    );
    await expect(running.finished).rejects.toThrow('no 2');
    expect(started).toEqual([1, 2]);
  });
});

describe('runBatches', () => {
  test('inBatches cuts lazily, the last batch short', () => {
    expect([...inBatches([1, 2, 3, 4, 5], 2)]).toEqual([[1, 2], [3, 4], [5]]);
  });

  test('renders every body on worker threads exactly as this thread does, never holding every job', async () => {
    let taken = 0;
    let held = 0;
    const results = new Map<number, string>();
    function* jobs() {
      for (const [item, body] of bodies.entries()) {
        taken++;
        held = Math.max(held, taken - results.size);
        yield { item, file: `news/${item}.md`, body };
      }
    }
    const options = {
      task: RENDER,
      input: ({ file, body }: { file: string; body: string }) => ({ file, body }),
      expected: bodies.length,
      inPlaceBelow: 100,
      threads: 2,
      batch: 20,
    };
    await runBatches(jobs(), options, ({ item }, rendered) => results.set(item, `${rendered.html}\n${rendered.text}`));
    expect(results.size).toBe(bodies.length);
    for (const [item, body] of bodies.entries()) {
      const expected = renderMarkdown(body);
      expect(results.get(item)).toBe(`${expected.html}\n${expected.text}`);
    }
    expect(results.get(7)).not.toContain('<script>');
    // Two batches per thread out at once, and the one being cut.
    expect(held).toBeLessThanOrEqual(2 * 2 * 20 + 20);
  });

  const where = (expected: number, threads: number) =>
    new Promise<number[]>((resolve, reject) => {
      const ran: number[] = [];
      runBatches(
        [1, 2, 3, 4, 5, 6],
        { task: THREADS_OF, input: (n: number) => n, expected, inPlaceBelow: 5, threads, batch: 2 },
        (_, thread) => ran.push(thread),
      ).then(() => resolve(ran), reject);
    });

  test('below the limit, or with one thread, runs on this thread', async () => {
    expect(await where(4, 2)).toEqual(Array(6).fill(threadId));
    expect(await where(6, 1)).toEqual(Array(6).fill(threadId));
    const pooled = await where(6, 2);
    expect(pooled).toHaveLength(6);
    expect(pooled).not.toContain(threadId);
  });

  test.skipIf(!PROC)('stops its threads when done, and when a task fails', async () => {
    const before = workerThreads();
    await where(6, 2);
    expect(workerThreads()).toBe(before);
    const failing = runBatches(
      ['a', 'b', 'c'],
      { task: REFUSE_ALL, input: (s: string) => s, expected: 3, inPlaceBelow: 0, threads: 2, batch: 1 },
      () => {},
    );
    await expect(failing).rejects.toThrow(/refuseAll \(.*\) failed: refused [abc]/);
    expect(workerThreads()).toBe(before);
  });

  test('an error names the task in place too', async () => {
    const failing = runBatches(
      ['x'],
      { task: REFUSE_ALL, input: (s: string) => s, expected: 1, inPlaceBelow: 5, threads: 2, batch: 1 },
      () => {},
    );
    await expect(failing).rejects.toThrow(`refuseAll (${TASKS}) failed: refused x`);
  });
});
