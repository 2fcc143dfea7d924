import { legacyPath, type Article } from '@/lib/content/article';
import { isUsableArticleSlug, taxonomySlug } from '@/lib/content/slugs';
import type { Problem } from '@/lib/content/problems';

/**
 * What the whole archive must agree on before a page is written. Each check names every file
 * involved; without them a later page would silently overwrite an earlier one, or a zone's
 * listing would mix two places.
 */

/** A slug derived from a file name must be usable too (the schema checks written slugs). */
function slugProblems(articles: readonly Article[], articlePath: (slug: string) => string): Problem[] {
  const problems: Problem[] = [];
  const bySlug = new Map<string, Article>();
  for (const article of articles) {
    if (!isUsableArticleSlug(article.slug)) {
      problems.push({
        file: article.file,
        field: 'slug',
        message: `文件名生成的网址“${article.slug}”不可用（不能全是数字或为 page），请改文件名或写 slug / the file name gives the unusable URL name "${article.slug}" (only digits, or "page"): rename the file or set slug`,
      });
      continue;
    }
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

/**
 * Two different sources (来源) that would share one pinyin slug. Regions and zones are checked
 * in the registry instead (src/lib/content/registry.ts), where each official name is listed once.
 */
function sourceSlugClashes(articles: readonly Article[]): Problem[] {
  const problems: Problem[] = [];
  const names = new Map<string, { name: string; file: string }>();
  const reported = new Set<string>();
  for (const article of articles) {
    const name = article.source;
    const slug = taxonomySlug('source', name, {});
    const first = names.get(slug);
    if (!first) names.set(slug, { name, file: article.file });
    else if (first.name !== name && !reported.has(name)) {
      // Each clashing name is reported once, not once per article that uses it.
      reported.add(name);
      problems.push({
        file: article.file,
        field: 'source',
        message: `“${name}”与 ${first.file} 中的“${first.name}”网址相同（${slug}）/ "${name}" and "${first.name}" in ${first.file} would share the URL slug "${slug}" (来源 source)`,
      });
    }
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

/** `articlePath` is the site's URL of an article's slug (src/lib/site/urls.ts), for messages. */
export function findConflicts(articles: readonly Article[], articlePath: (slug: string) => string): Problem[] {
  // In file order, so that "first" means the same file on every build.
  const sorted = [...articles].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return [...slugProblems(sorted, articlePath), ...sourceSlugClashes(sorted), ...legacyUrlClashes(sorted)];
}
