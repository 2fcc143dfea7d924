import type { Article } from '@/lib/articles';
import { articlePath, isUsableArticleSlug, termSlug, type TaxonomyKind } from '@/lib/paths';
import type { Problem } from '@/lib/problems';

/**
 * What the whole archive must agree on before a page is written. Each check names every file
 * involved; without them a later page would silently overwrite an earlier one, or a zone's
 * listing would mix two places.
 */

const KIND_LABEL: Record<Exclude<TaxonomyKind, 'type' | 'year'>, string> = {
  region: '地区 region',
  zone: '发布开发区 zone',
  source: '来源 source',
};

/** A slug derived from a file name must be usable too (the schema checks written slugs). */
function slugProblems(articles: readonly Article[]): Problem[] {
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

/** Two different names (盐城, 延城) that would share one pinyin slug. */
function slugClashes(articles: readonly Article[]): Problem[] {
  const problems: Problem[] = [];
  for (const kind of Object.keys(KIND_LABEL) as Array<keyof typeof KIND_LABEL>) {
    const names = new Map<string, { name: string; file: string }>();
    const reported = new Set<string>();
    for (const article of articles) {
      const name = article[kind];
      const slug = termSlug(kind, name);
      const first = names.get(slug);
      if (!first) names.set(slug, { name, file: article.file });
      else if (first.name !== name && !reported.has(name)) {
        // Each clashing name is reported once, not once per article that uses it.
        reported.add(name);
        problems.push({
          file: article.file,
          field: kind,
          message: `“${name}”与 ${first.file} 中的“${first.name}”网址相同（${slug}）/ "${name}" and "${first.name}" in ${first.file} would share the URL slug "${slug}" (${KIND_LABEL[kind]})`,
        });
      }
    }
  }
  return problems;
}

/** A zone belongs to one region: the same zone name filed under two regions is a mistake. */
function zoneRegionClashes(articles: readonly Article[]): Problem[] {
  const problems: Problem[] = [];
  const regionOf = new Map<string, { region: string; file: string }>();
  const reported = new Set<string>();
  for (const article of articles) {
    const first = regionOf.get(article.zone);
    if (!first) regionOf.set(article.zone, { region: article.region, file: article.file });
    else if (first.region !== article.region && !reported.has(`${article.zone}\0${article.region}`)) {
      reported.add(`${article.zone}\0${article.region}`);
      problems.push({
        file: article.file,
        field: 'region',
        message: `开发区“${article.zone}”在 ${first.file} 中属于“${first.region}”，这里却是“${article.region}” / the zone "${article.zone}" is in "${first.region}" in ${first.file} but in "${article.region}" here`,
      });
    }
  }
  return problems;
}

export function findConflicts(articles: readonly Article[]): Problem[] {
  // In file order, so that "first" means the same file on every build.
  const sorted = [...articles].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return [...slugProblems(sorted), ...slugClashes(sorted), ...zoneRegionClashes(sorted)];
}
