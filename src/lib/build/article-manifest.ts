import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { Article } from '@/lib/content/article';

/**
 * Every article the content sync stored, as pages see it, with the file that holds its rendered
 * body (src/lib/build/body-store.ts): written by the loader (src/loaders/news.ts) into the cache
 * folder (`articleManifest`, src/lib/build/cache-files.ts) at the end of each sync, read by the
 * search index (src/integrations/pagefind.ts), which starts indexing while Astro bundles and
 * renders the pages, before any page could hand it the articles, and by the sitemap
 * (src/integrations/sitemap.ts) for each article's lastmod. Drafts and scheduled articles are listed
 * too: the readers apply the build's publication rules (src/lib/content/article.ts) with the
 * build's moment (src/lib/build/clock.ts).
 */

export interface ManifestEntry {
  article: Article;
  bodyFile: string;
}

type Stored = Omit<ManifestEntry, 'article'> & { article: Omit<Article, 'date' | 'updated'> & { date: string; updated?: string } };

export function writeArticleManifest(file: string, entries: Iterable<ManifestEntry>): void {
  const stored: Stored[] = [];
  for (const { article, bodyFile } of entries)
    stored.push({ article: { ...article, date: article.date.toISOString(), updated: article.updated?.toISOString() }, bodyFile });
  // Text exactly as the pages get it from Astro's content store, which is written as UTF-8: a lone
  // surrogate (a YAML escape like "\ud800" in a title) becomes U+FFFD there. JSON would keep it
  // as an escape, which Pagefind's parser rejects. Written whole, then renamed: a build stopped
  // half-way never leaves half a list.
  const wellFormed = (_key: string, value: unknown) => (typeof value === 'string' ? value.toWellFormed() : value);
  writeFileSync(`${file}.partial`, JSON.stringify(stored, wellFormed));
  renameSync(`${file}.partial`, file);
}

export function readArticleManifest(file: string): ManifestEntry[] {
  const stored = JSON.parse(readFileSync(file, 'utf8')) as Stored[];
  return stored.map(({ article, bodyFile }) => ({
    article: { ...article, date: new Date(article.date), updated: article.updated === undefined ? undefined : new Date(article.updated) },
    bodyFile,
  }));
}
