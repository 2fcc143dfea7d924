import { statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The built output against the published limits of common static hosts: the line the build
 * prints at its end (src/integrations/host-limits.ts) and `npm run bench` prints per archive size
 * (scripts/bench.ts). No `@/` alias: the integrations load it with plain Node.
 */

export interface OutputSize {
  files: number;
  bytes: number;
  /** The folder with the most entries (files and subfolders), `''` for the top; unknown to the bench. */
  largestFolder?: { path: string; entries: number };
}

export type HostLimit = { host: string; files: number } | { host: string; bytes: number } | { host: string; folderEntries: number };

/**
 * As documented in 2026; check your plan. Netlify has no limit on a deploy's files, only on one
 * folder's: its documentation says "files per directory" without saying whether subfolders
 * count, so subfolders are counted too (news/ holds one folder per article).
 */
export const HOST_LIMITS: readonly HostLimit[] = [
  { host: 'Cloudflare Pages (Free)', files: 20_000 },
  { host: 'Cloudflare Pages (paid plans)', files: 100_000 },
  { host: 'GitHub Pages', bytes: 1024 ** 3 },
  { host: 'Netlify', folderEntries: 54_000 },
];

const count = (n: number) => n.toLocaleString('en-US');
const megabytes = (bytes: number) => (bytes / 1024 ** 2).toFixed(1);
const gigabytes = (bytes: number) => (bytes / 1024 ** 3).toFixed(2);

/** The size of the output folder `dir`, given its files (outputFiles, src/lib/build/output-files.ts). */
export function outputSize(dir: string, files: readonly string[]): OutputSize {
  let bytes = 0;
  const children = new Map<string, Set<string>>();
  for (const file of files) {
    bytes += statSync(join(dir, file)).size;
    const parts = file.split('/');
    for (let depth = 0; depth < parts.length; depth++) {
      const folder = parts.slice(0, depth).join('/');
      let entries = children.get(folder);
      if (!entries) children.set(folder, (entries = new Set()));
      entries.add(parts[depth]);
    }
  }
  let largestFolder = { path: '', entries: 0 };
  for (const [path, entries] of children) if (entries.size > largestFolder.entries) largestFolder = { path, entries: entries.size };
  return { files: files.length, bytes, largestFolder };
}

/** `undefined` when the size says nothing about the limit (the bench does not count folders). */
function verdict(limit: HostLimit, size: OutputSize): { text: string; over: boolean } | undefined {
  if ('files' in limit) {
    const over = size.files > limit.files;
    return { text: `${limit.host} ${count(limit.files)} files: ${over ? `OVER by ${count(size.files - limit.files)}` : 'fits'}`, over };
  }
  if ('bytes' in limit) {
    const over = size.bytes > limit.bytes;
    return { text: `${limit.host} ${gigabytes(limit.bytes)} GB: ${over ? 'OVER' : 'fits'}`, over };
  }
  const folder = size.largestFolder;
  if (!folder) return undefined;
  const over = folder.entries > limit.folderEntries;
  const where = `${folder.path ? `${folder.path}/` : 'the top folder'} has ${count(folder.entries)}`;
  return { text: `${limit.host} ${count(limit.folderEntries)} entries per folder: ${over ? 'OVER' : 'fits'} (${where})`, over };
}

/** One line: the output's file count and size, and for each limit whether it fits. */
export function hostLimitsReport(size: OutputSize): string {
  const verdicts = HOST_LIMITS.flatMap((limit) => verdict(limit, size)?.text ?? []);
  return `${count(size.files)} files, ${megabytes(size.bytes)} MB. ${verdicts.join('; ')}.`;
}

/** The hosts whose limit the output exceeds, each as its verdict. */
export function exceededHostLimits(size: OutputSize): string[] {
  return HOST_LIMITS.flatMap((limit) => {
    const result = verdict(limit, size);
    return result?.over ? [result.text] : [];
  });
}
