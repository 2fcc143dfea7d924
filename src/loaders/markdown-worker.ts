// A worker thread of src/loaders/render-pool.ts: renders batches of Markdown bodies with the
// same function as the main thread. Plain Node loads it (not Vite), hence the relative import
// with its extension.
import { parentPort } from 'node:worker_threads';
import { renderMarkdown } from '../lib/content/markdown.ts';

parentPort?.on('message', (bodies: string[]) => {
  try {
    parentPort?.postMessage({ ok: true, results: bodies.map(renderMarkdown) });
  } catch (error) {
    parentPort?.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) });
  }
});
