/**
 * The audit's check of the Cloudflare Bulk Redirects CSV (src/lib/site/redirects.ts) against
 * `_redirects`: written when, and only when, `_redirects` has more lines than Cloudflare Pages
 * applies, and holding the same redirects, so that importing it gives Cloudflare what Netlify
 * reads from `_redirects`.
 */

/** The rows of a CSV text (RFC 4180: quoted fields may hold commas, doubled quotes and line breaks). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let at = 0;
  const endField = () => {
    row.push(field);
    field = '';
  };
  while (at < text.length) {
    const char = text[at];
    if (quoted) {
      if (char === '"' && text[at + 1] === '"') {
        field += '"';
        at += 2;
        continue;
      }
      if (char === '"') quoted = false;
      else field += char;
      at++;
      continue;
    }
    if (char === '"' && field === '') quoted = true;
    else if (char === ',') endField();
    else if (char === '\n' || char === '\r') {
      endField();
      rows.push(row);
      row = [];
      if (char === '\r' && text[at + 1] === '\n') at++;
    } else field += char;
    at++;
  }
  if (quoted) throw new Error('a quoted field is not closed');
  if (field !== '' || row.length) {
    endField();
    rows.push(row);
  }
  return rows;
}

/** `old-path new-path` of each redirect, as `_redirects` holds them. */
function redirectPairs(redirects: string): string[] {
  return redirects
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter((fields) => fields.length >= 2 && !fields[0].startsWith('#'))
    .map(([from, to]) => `${from} ${to}`);
}

/** The same pair from a CSV row (`host/path,https://site/path,…`), or a reason it has none. */
function csvPair(row: readonly string[], origin: string): string | { problem: string } {
  const [source = '', target = ''] = row;
  const path = source.replace(/^https?:\/\//, '').replace(/^[^/]*/, '');
  if (!path) return { problem: `the source ${JSON.stringify(source)} has no path` };
  if (!target.startsWith(`${origin}/`)) return { problem: `the target ${JSON.stringify(target)} is not on ${origin}` };
  return `${path} ${target.slice(origin.length)}`;
}

export interface BulkRedirectsInput {
  /** The text of `_redirects` ('' when there is none). */
  redirects: string;
  /** The text of the CSV beside the output, undefined when there is none. */
  csv: string | undefined;
  /** Where the CSV is (for messages). */
  csvFile: string;
  /** The site's origin, which every target must be on. */
  origin: string;
  /** Redirects Cloudflare Pages applies from `_redirects` (SITE.redirectsLimit). */
  limit: number;
}

/** What is wrong, one message each; none when the CSV is right or rightly absent. */
export function bulkRedirectsProblems({ redirects, csv, csvFile, origin, limit }: BulkRedirectsInput): string[] {
  const expected = redirectPairs(redirects);
  if (csv === undefined) {
    return expected.length > limit
      ? [`_redirects has ${expected.length} redirects, more than the ${limit} Cloudflare Pages applies, and there is no ${csvFile}`]
      : [];
  }
  let rows: string[][];
  try {
    rows = parseCsv(csv);
  } catch (error) {
    return [`${csvFile} is not valid CSV: ${(error as Error).message}`];
  }
  const problems: string[] = [];
  const found = new Set<string>();
  for (const [index, row] of rows.entries()) {
    const pair = csvPair(row, origin);
    if (typeof pair === 'string') found.add(pair);
    else problems.push(`${csvFile} line ${index + 1}: ${pair.problem}`);
  }
  const wanted = new Set(expected);
  const missing = expected.filter((pair) => !found.has(pair));
  const extra = [...found].filter((pair) => !wanted.has(pair));
  if (missing.length) problems.push(`${csvFile} lacks ${missing.length} redirect(s) of _redirects, such as ${missing[0]}`);
  if (extra.length) problems.push(`${csvFile} has ${extra.length} redirect(s) that _redirects has not, such as ${extra[0]}`);
  return problems;
}
