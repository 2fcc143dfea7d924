// A worker thread of the post-build audit (src/lib/audit-run.ts): reads and scans the batches
// of output files it is sent and posts the scans back. Plain relative imports (no `@/` alias):
// a worker starts as bare Node, without the build's or the scripts' resolver.
import { parentPort, workerData } from 'node:worker_threads';
import { isPageIndependent, scanOutputFile, type FileScan } from './audit-scan.ts';

const { outDir } = workerData as { outDir: string };

/**
 * Pages share most of their links (header, footer, feeds): a URL that means the same on every
 * page is counted here, once per batch, with the first page that has it, instead of being sent
 * and looked up once per page.
 */
parentPort?.on('message', ({ id, files }: { id: number; files: Array<[string, FileScan['type']]> }) => {
  const shared = new Map<string, [file: string, count: number]>();
  const scans = files.map(([file, kind]) => {
    const scan = scanOutputFile(outDir, file, kind);
    if (scan.type === 'page') {
      scan.scan.links = scan.scan.links.filter((url) => {
        if (!isPageIndependent(url)) return true;
        const seen = shared.get(url);
        if (seen) seen[1]++;
        else shared.set(url, [file, 1]);
        return false;
      });
    }
    return scan;
  });
  parentPort?.postMessage({ id, scans, shared: [...shared].map(([url, [file, count]]) => [url, file, count]) });
});
