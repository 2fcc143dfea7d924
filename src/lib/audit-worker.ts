// A worker thread of the post-build audit (src/lib/audit-run.ts): reads and scans the batches
// of output files it is sent and posts the scans back. Plain relative imports (no `@/` alias):
// a worker starts as bare Node, without the build's or the scripts' resolver.
import { parentPort, workerData } from 'node:worker_threads';
import { scanBatch, type FileScan } from './audit-scan.ts';

const { outDir } = workerData as { outDir: string };

parentPort?.on('message', ({ id, files }: { id: number; files: Array<[string, FileScan['type']]> }) => {
  parentPort?.postMessage({ id, ...scanBatch(outDir, files) });
});
