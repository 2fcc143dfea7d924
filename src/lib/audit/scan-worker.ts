// A worker thread of the post-build audit (src/lib/audit/runner.ts): reads and scans the batches
// of output files it is sent and posts the scans back as JSON (the form the scan cache keeps,
// src/lib/audit/scan-cache.ts). Plain relative imports (no `@/` alias): a worker starts as bare
// Node, without the build's or the scripts' resolver.
import { parentPort, workerData } from 'node:worker_threads';
import { scanOutputFile, type FileScan } from './scan.ts';

const { outDir } = workerData as { outDir: string };

parentPort?.on('message', ({ id, files }: { id: number; files: Array<[string, FileScan['type']]> }) => {
  parentPort?.postMessage({ id, scans: files.map(([file, kind]) => JSON.stringify(scanOutputFile(outDir, file, kind))) });
});
