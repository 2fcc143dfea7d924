// The command line of `npm run bench:search` (scripts/bench-search.ts). Pure, so it is unit-tested.

import { integer, UsageError } from './report.ts';

export const SEARCH_USAGE = `Usage: npm run bench:search -- [--count N] [--seed S] [--content DIR] [--dist DIR] [--dir DIR] [--json FILE]

Builds an archive with \`npm run build\` (wall time, peak memory of the process tree), serves it
as the CDN would (_headers, gzip) and measures the search page in Debian's Chromium with the CPU
throttled 4x and the cache disabled: opening /search/, then each query of
scripts/bench/search-queries.ts opened as /search/?q=…, each in a fresh browser context.

  --count N       articles to generate (default 10000; 100000 builds for 20 minutes or more);
                  generated archives are kept under DIR/corpora/ and reused
  --seed S        the generator's seed (default 1)
  --content DIR   a content folder to build instead of a generated archive (a registry.yaml
                  beside it); with --dist, only read for the archive's size
  --dist DIR      measure this already built site instead of building (a run that builds
                  prints the command that measures its build again: --dist and --content)
  --dir DIR       where corpora, builds and caches go (default .bench/)
  --json FILE     also write the figures to FILE as JSON
  --help          show this message`;

export interface SearchBenchOptions {
  count: number;
  seed: number;
  content?: string;
  dist?: string;
  dir: string;
  json?: string;
  help: boolean;
}

/** The bench's usage error (scripts/bench/report.ts), under the name this command's callers use. */
export { UsageError as SearchUsageError } from './report.ts';

function folder(flag: string, raw: string | undefined): string {
  if (!raw || raw.startsWith('--')) throw new UsageError(`${flag} needs a path`);
  return raw;
}

export function parseSearchBenchArgs(argv: readonly string[]): SearchBenchOptions {
  const options: SearchBenchOptions = { count: 10_000, seed: 1, dir: '.bench', help: false };
  const given = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const eq = arg.indexOf('=');
    const flag = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    const value = (): string | undefined => (flag === arg ? argv[++i] : arg.slice(eq + 1));
    given.add(flag);
    switch (flag) {
      case '--count':
        options.count = integer(flag, value(), 1);
        break;
      case '--seed':
        options.seed = integer(flag, value(), 0);
        break;
      case '--content':
        options.content = folder(flag, value());
        break;
      case '--dist':
        options.dist = folder(flag, value());
        break;
      case '--dir':
        options.dir = folder(flag, value());
        break;
      case '--json':
        options.json = folder(flag, value());
        break;
      case '--help':
      case '-h':
        options.help = true;
        break;
      default:
        throw new UsageError(`unknown argument ${JSON.stringify(arg)}`);
    }
  }
  if (options.content !== undefined && (given.has('--count') || given.has('--seed'))) {
    throw new UsageError('--count and --seed choose a generated archive; --content names another one: give one or the other');
  }
  return options;
}
