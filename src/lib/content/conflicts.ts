import { legacyPath, type Article } from '@/lib/content/article';
import type { Problem } from '@/lib/content/problems';

/**
 * What the whole archive must agree on before a page is written. Each check names every file
 * involved; without them a later page would silently overwrite an earlier one, or a zone's
 * listing would mix two places.
 */

/**
 * Two articles with one URL: two that set the same `slug`, or two files of one name in different
 * folders. Names that merely spell the same slug get slugs of their own
 * (src/lib/content/slug-assign.ts); these are the editor's own words, which only the editor can change.
 */
function slugProblems(articles: readonly Article[], articlePath: (slug: string) => string): Problem[] {
  const problems: Problem[] = [];
  const bySlug = new Map<string, Article>();
  for (const article of articles) {
    const first = bySlug.get(article.slug);
    if (!first) {
      bySlug.set(article.slug, article);
      continue;
    }
    const path = articlePath(article.slug);
    problems.push({
      file: article.file,
      field: 'slug',
      message: `网址 ${path} 与 ${first.file} 重复 / the URL ${path} is also claimed by ${first.file}`,
    });
  }
  return problems;
}

/** One old URL can redirect to one new article only. */
function legacyUrlClashes(articles: readonly Article[]): Problem[] {
  const problems: Problem[] = [];
  const byPath = new Map<string, Article>();
  for (const article of articles) {
    if (!article.legacyUrl) continue;
    const path = legacyPath(article.legacyUrl);
    const first = byPath.get(path);
    if (!first) byPath.set(path, article);
    else
      problems.push({
        file: article.file,
        field: 'legacyUrl',
        message: `旧网址 ${path} 已由 ${first.file} 使用 / the old URL ${path} is also claimed by ${first.file}`,
      });
  }
  return problems;
}

/**
 * `articles` with the slugs the archive gives them; `articlePath` is the site's URL of a slug
 * (src/lib/site/urls.ts), for messages.
 */
export function findConflicts(articles: readonly Article[], articlePath: (slug: string) => string): Problem[] {
  // In file order, so that "first" means the same file on every build.
  const sorted = [...articles].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return [...slugProblems(sorted, articlePath), ...legacyUrlClashes(sorted)];
}
