import { beijingYear } from '@/lib/content/dates';
import type { ArticleData } from '@/lib/content/schema';
import { articleSlug } from '@/lib/content/slugs';
import type { NewsType } from '@/lib/content/taxonomy';

/**
 * An article as every part of the site sees it (pages, feeds, search, the audit), made from its
 * validated frontmatter; whether it is published as of a moment; and the order of articles.
 */

export interface Article {
  /** File id: the path under the content folder without `.md`. Unique; breaks date ties. */
  id: string;
  /** Path from the project root, for messages. */
  file: string;
  slug: string;
  title: string;
  date: Date;
  /** When the article was last corrected, if the editor said so; never earlier than `date`. */
  updated?: Date;
  /** Year in Beijing time. */
  year: number;
  source: string;
  zone: string;
  region: string;
  type: NewsType;
  summary: string;
  cover?: string;
  coverAlt?: string;
  draft: boolean;
  tags: string[];
  /** The article's URL on the portal this site replaces, if it was imported from there. */
  legacyUrl?: string;
}

/** An article from its file id, its path for messages, its validated frontmatter and its summary. */
export function toArticle(id: string, file: string, data: ArticleData, summary: string): Article {
  return {
    id,
    file,
    slug: articleSlug(id, data.slug),
    title: data.title,
    date: data.date,
    updated: data.updated,
    year: beijingYear(data.date),
    source: data.source,
    zone: data.zone,
    region: data.region,
    type: data.type,
    summary,
    cover: data.cover,
    coverAlt: data.coverAlt,
    draft: data.draft,
    tags: data.tags,
    legacyUrl: data.legacyUrl,
  };
}

export interface PublishOptions {
  /** The build's "now": an article dated later is held back. */
  now: Date;
  /** Preview (npm run dev) shows drafts and future articles too, marked as such. */
  preview: boolean;
}

/** Whether an article is scheduled for later than `now`. */
export function isScheduled(article: Pick<Article, 'date'>, now: Date): boolean {
  return article.date.getTime() > now.getTime();
}

/** Drafts and scheduled articles stay out of production builds. */
export function isVisible(article: Pick<Article, 'date' | 'draft'>, { now, preview }: PublishOptions): boolean {
  return preview || (!article.draft && !isScheduled(article, now));
}

/**
 * The article as the site shows it at `now`: an `updated` later than `now` is left out until a
 * build after it. Such a time is most likely a typo, and a page, its structured data and the
 * sitemap should never claim a correction the build cannot have seen; the article itself is
 * published by its `date` all the same, and nothing is ordered by `updated`.
 */
export function withoutFutureUpdate(article: Article, now: Date): Article {
  return article.updated && article.updated.getTime() > now.getTime() ? { ...article, updated: undefined } : article;
}

/** Newest first; articles published at the same moment are ordered by file id. */
export function compareArticles(a: Article, b: Article): number {
  return b.date.getTime() - a.date.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export function sortArticles(articles: readonly Article[]): Article[] {
  return [...articles].sort(compareArticles);
}

/** The path part of an old URL (`legacyUrl`): what a CDN matches a `_redirects` line against. */
export function legacyPath(legacyUrl: string): string {
  return new URL(legacyUrl, 'http://legacy.invalid').pathname;
}
