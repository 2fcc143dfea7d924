// Generates a deterministic sample corpus of development-zone news articles
// (Markdown + YAML frontmatter) for developing and testing the site.
// Same --seed and index ⇒ byte-identical article on any machine or time zone.
//
//   node scripts/generate.ts [--count N] [--out DIR] [--seed S] [--force] [--registry FILE]

import { existsSync, mkdirSync, readdirSync, readFileSync, rmdirSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { buildArticle } from './corpus/generated-article.ts';
import { mergeRegistry } from './corpus/registry-merge.ts';

const USAGE = `Usage: node scripts/generate.ts [--count N] [--out DIR] [--seed S] [--force] [--registry FILE]

  --count N        number of articles to write (positive integer, default 96)
  --out DIR        output directory (default content/news)
  --seed S         integer seed, 0..4294967295 (default 1)
  --force          write into a non-empty DIR, deleting previously generated
                   DIR/yyyy/yyyy-mm-dd-topic-nnnnn.md files first
  --registry FILE  the registry of regions and zones to write or complete
                   (default registry.yaml beside DIR, where the build reads it)
  --help           show this message`;

interface Options {
  count: number;
  out: string;
  seed: number;
  force: boolean;
  registry?: string;
}

/** A mistake in the command line: main() prints it with the usage and exits 1. */
export class UsageError extends Error {}

function fail(message: string): never {
  throw new UsageError(message);
}

function parseInteger(flag: string, raw: string | undefined, min: number, max: number): number {
  if (raw === undefined || !/^\d+$/.test(raw)) fail(`${flag} needs an integer, got ${raw === undefined ? 'nothing' : JSON.stringify(raw)}`);
  const n = Number(raw);
  if (n < min || n > max) fail(`${flag} must be between ${min} and ${max}, got ${raw}`);
  return n;
}

export function parseArgs(argv: readonly string[]): Options {
  const opts: Options = { count: 96, out: 'content/news', seed: 1, force: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const eq = arg.indexOf('=');
    const flag = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    const inline = flag === arg ? undefined : arg.slice(eq + 1);
    const value = (): string | undefined => (inline !== undefined ? inline : argv[++i]);
    switch (flag) {
      case '--count':
        opts.count = parseInteger('--count', value(), 1, 10_000_000);
        break;
      case '--seed':
        opts.seed = parseInteger('--seed', value(), 0, 0xffffffff);
        break;
      case '--out': {
        const v = value();
        if (v === undefined || v === '' || v.startsWith('--')) fail('--out needs a directory');
        opts.out = v;
        break;
      }
      case '--force':
        opts.force = true;
        break;
      case '--registry': {
        const v = value();
        if (v === undefined || v === '' || v.startsWith('--')) fail('--registry needs a file');
        opts.registry = v;
        break;
      }
      case '--help':
      case '-h':
        process.stdout.write(`${USAGE}\n`);
        return process.exit(0);
      default:
        fail(`unknown argument ${JSON.stringify(arg)}`);
    }
  }
  return opts;
}

const GENERATED_FILE = /^\d{4}-\d{2}-\d{2}-[a-z]+-\d{5,}\.md$/;
const YEAR_DIR = /^\d{4}$/;

/** Deletes DIR/yyyy/<generated>.md files (and year directories left empty); nothing else. */
function removeGenerated(dir: string): number {
  let removed = 0;
  for (const year of readdirSync(dir, { withFileTypes: true })) {
    if (!year.isDirectory() || !YEAR_DIR.test(year.name)) continue;
    const yearDir = join(dir, year.name);
    for (const file of readdirSync(yearDir, { withFileTypes: true })) {
      if (file.isFile() && GENERATED_FILE.test(file.name)) {
        unlinkSync(join(yearDir, file.name));
        removed++;
      }
    }
    if (readdirSync(yearDir).length === 0) rmdirSync(yearDir);
  }
  return removed;
}

function main(): void {
  let opts: Options;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`generate: ${error.message}\n\n${USAGE}\n`);
    process.exit(1);
  }
  const started = performance.now();
  if (existsSync(opts.out)) {
    if (!statSync(opts.out).isDirectory()) {
      process.stderr.write(`generate: ${opts.out} exists and is not a directory\n`);
      process.exit(1);
    }
    if (readdirSync(opts.out).length > 0) {
      if (!opts.force) {
        process.stderr.write(`generate: ${opts.out} is not empty; use --force to replace previously generated articles\n`);
        process.exit(1);
      }
      const removed = removeGenerated(opts.out);
      if (removed > 0) process.stdout.write(`Removed ${removed} previously generated files from ${opts.out}\n`);
    }
  }
  const made = new Set<string>();
  for (let i = 0; i < opts.count; i++) {
    const article = buildArticle(opts.seed, i);
    const slash = article.path.indexOf('/');
    const year = article.path.slice(0, slash);
    if (!made.has(year)) {
      mkdirSync(join(opts.out, year), { recursive: true });
      made.add(year);
    }
    writeFileSync(join(opts.out, year, article.path.slice(slash + 1)), article.text);
  }
  // Every zone an article names must be in the registry, or the check refuses the corpus.
  const registry = opts.registry ?? join(dirname(resolve(opts.out)), 'registry.yaml');
  const merged = mergeRegistry(existsSync(registry) ? readFileSync(registry, 'utf8') : undefined);
  if (merged !== undefined) {
    writeFileSync(registry, merged);
    process.stdout.write(`Wrote the zones and regions the articles name to ${registry}\n`);
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  process.stdout.write(`Wrote ${opts.count} articles to ${opts.out} (seed ${opts.seed}, ${seconds} s)\n`);
}

// Run only as a script, so tests can import parseArgs without side effects.
if (process.argv[1] && resolve(process.argv[1]) === import.meta.filename) main();
