// The one worker entry of src/lib/build/worker-pool.ts: every pool thread runs this file, and each
// task names the module and the exported function to run on its input. A thread starts as plain
// Node, without the resolver of the thread that made it, so the `@/` alias hook is registered
// here before any task module is imported (hence the relative import with its extension, and no
// static import of anything under src/ that uses the alias). Piscina loads this file with
// require(), then calls its default export with each task.
import { registerAliasHooks } from './alias-hooks.mjs';

registerAliasHooks();

/** What a pool thread is sent for one task. */
export interface TaskMessage {
  /** An `@/` path, or a file URL. */
  module: string;
  /** The name of a function the module exports. */
  name: string;
  input: unknown;
}

export default async function runTask({ module, name, input }: TaskMessage): Promise<unknown> {
  const exports = (await import(module)) as Record<string, unknown>;
  const task = exports[name];
  if (typeof task !== 'function') throw new Error(`${module} exports no function named ${name}`);
  return task(input);
}
