import { Document, isSeq, visit } from 'yaml';
import { formatDate } from '@/lib/content/dates';
import type { NewsType } from '@/lib/content/taxonomy';
import { toSlug } from '@/lib/content/slugs';

/**
 * Writing a new article file, for `npm run new` and `npm run import`: the frontmatter in the
 * order docs/editors.md documents, the path it recommends, and a file name an editor can
 * read in a URL.
 */

export interface ArticleFields {
  title: string;
  /** As it will be written: `2023-04-07 09:30`, Beijing time. */
  date: string;
  /** When the article was last corrected, written like `date`. */
  updated?: string;
  source: string;
  zone: string;
  region: string;
  type: NewsType;
  cover?: string;
  coverAlt?: string;
  summary?: string;
  tags?: string[];
  draft?: boolean;
  slug?: string;
  legacyUrl?: string;
}

const ORDER: ReadonlyArray<keyof ArticleFields> = [
  'title',
  'date',
  'updated',
  'source',
  'zone',
  'region',
  'type',
  'cover',
  'coverAlt',
  'summary',
  'tags',
  'draft',
  'slug',
  'legacyUrl',
];

/** The whole file: frontmatter (quoted only where YAML needs it, lists on one line), then the body. */
export function articleText(fields: ArticleFields, body: string): string {
  const data = Object.fromEntries(
    ORDER.filter((key) => fields[key] !== undefined && !(Array.isArray(fields[key]) && !fields[key].length)).map((key) => [
      key,
      fields[key],
    ]),
  );
  const document = new Document(data);
  visit(document, { Seq: (_, node) => void (isSeq(node) && (node.flow = true)) });
  const yaml = document.toString({ lineWidth: 0, flowCollectionPadding: false });
  return `---\n${yaml}---\n${body.trim()}\n`;
}

/** `content/news/{year}/{yyyy-mm-dd}-{name}.md`, relative to the news folder; the day in Beijing. */
export function recommendedPath(date: Date, name: string): string {
  const day = formatDate(date);
  return `${day.slice(0, 4)}/${day}-${name}.md`;
}

/**
 * A short ASCII file name from a title or an old file name: the pinyin slug cut after whole
 * words at about 40 characters, so URLs stay readable.
 */
export function shortName(text: string, max = 40): string {
  const words = toSlug(text).split('-');
  let name = words[0].slice(0, max);
  for (const word of words.slice(1)) {
    if (name.length + 1 + word.length > max) break;
    name += `-${word}`;
  }
  return name;
}
