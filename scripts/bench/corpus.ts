// Generated archives for the benches (`npm run bench`, `npm run bench:search`): written by
// scripts/generate.ts under `<dir>/corpora/`, kept, and reused by later runs of the same size and
// seed, since generating 100,000 articles takes minutes.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');

/** A generated corpus's news folder, reused while its marker says it has the same size and seed. */
export function corpus(dir: string, count: number, seed: number): string {
  const folder = join(dir, 'corpora', `c${count}-s${seed}`);
  const news = join(folder, 'news');
  const marker = join(folder, 'complete.json');
  const wanted = JSON.stringify({ count, seed });
  if (existsSync(marker) && readFileSync(marker, 'utf8') === wanted) return news;
  rmSync(folder, { recursive: true, force: true });
  console.log(`generating ${count} articles into ${news} …`);
  const result = spawnSync(
    process.execPath,
    [join(ROOT, 'scripts', 'generate.ts'), '--count', String(count), '--out', news, '--seed', String(seed)],
    { stdio: 'inherit' },
  );
  if (result.status !== 0) throw new Error(`the generator failed (exit ${result.status})`);
  writeFileSync(marker, wanted);
  return news;
}

/** The Markdown files under `dir`, sorted. */
export function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => join(dir, name));
}
