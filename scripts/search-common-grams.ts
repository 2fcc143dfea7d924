// Writes src/lib/search/gram-list.ts: the common grams of an archive, which the search index
// lengthens into rarer words (src/lib/search/tokens.ts, docs/search.md#chinese-tokens).
//
//   npm run search:grams [-- --content DIR] [--share 0.2]
//
// The list is part of the search code: a build after it changes indexes every article again.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import matter from 'gray-matter';
import { commonGramList } from '@/lib/search/common-grams';

const ROOT = resolve(import.meta.dirname, '..');
const OUT = join(ROOT, 'src/lib/search/gram-list.ts');

const { values } = parseArgs({
  options: { content: { type: 'string', default: join(ROOT, 'content', 'news') }, share: { type: 'string', default: '0.2' } },
});
const share = Number(values.share);
if (!(share > 0 && share <= 1)) throw new Error(`--share must be above 0 and at most 1, got ${values.share}`);

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return markdownFiles(path);
    return entry.name.endsWith('.md') ? [path] : [];
  });
}

/** The runs of Chinese of an article's searchable text: title, source, zone, region and body. */
function hanRuns(path: string): string[] {
  const { data, content } = matter(readFileSync(path, 'utf8'));
  const fields = ['title', 'source', 'zone', 'region'].map((key) => (typeof data[key] === 'string' ? data[key] : ''));
  return [...fields, content].join('\n').match(/\p{Script=Han}+/gu) ?? [];
}

const content = resolve(values.content);
const files = markdownFiles(content);
const grams = commonGramList(files.map(hanRuns), share);
// In the shape Prettier gives it, so that the written file passes `npm run format:check`.
writeFileSync(
  OUT,
  `// Written by \`npm run search:grams -- --content ${relative(ROOT, content)} --share ${share}\` from ${files.length} articles
// (scripts/search-common-grams.ts): the longest common grams, which the search index lengthens
// (src/lib/search/tokens.ts). Changing it indexes every article again.
export const COMMON_GRAMS =
  '${grams.join(' ')}';
`,
);
console.log(`${grams.length} common grams from ${files.length} articles (in at least ${share * 100}% of them) → ${relative(ROOT, OUT)}`);
