// A worker thread of src/integrations/pagefind.ts: builds the shards it is sent, one at a time,
// each with its own Pagefind process. The hook gives this thread the `@/` imports of src/ (Vite
// resolves them in the build's own thread, plain Node does not).
import { parentPort } from 'node:worker_threads';

const { registerAliasHooks } = await import('../lib/build/alias-hooks.mjs');
registerAliasHooks();
const { buildShard } = await import('./pagefind-shard.ts');

parentPort?.on('message', (task: import('./pagefind-shard.ts').ShardTask) => {
  buildShard(task).then(
    (result) => parentPort?.postMessage({ result }),
    (error: unknown) => parentPort?.postMessage({ error: error instanceof Error ? error.message : String(error) }),
  );
});
