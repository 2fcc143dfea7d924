// Tasks for test/unit/build/worker-pool.test.ts. Pool threads import this file by its URL, with
// plain Node (types stripped): erasable TypeScript only.
import { threadId } from 'node:worker_threads';

/** The thread each input ran on. */
export function threadsOf(inputs: number[]): number[] {
  return inputs.map(() => threadId);
}

export function square(n: number): number {
  return n * n;
}

export function refuse(input: string): never {
  throw new Error(`refused ${input}`);
}

/** Refuses a batch, by its first input. */
export function refuseAll(inputs: string[]): never {
  return refuse(inputs[0]);
}

/** Never settles, and keeps its thread busy until the thread is stopped. */
export function hang(): Promise<never> {
  return new Promise(() => {
    setInterval(() => {}, 1000);
  });
}
