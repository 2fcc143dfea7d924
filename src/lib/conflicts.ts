import type { Article } from '@/lib/articles';
import { articlePath, termSlug, type TaxonomyKind } from '@/lib/paths';
import type { Problem } from '@/lib/problems';

/**
 * Two things that would be written to the same URL stop the build, naming both files: two
 * articles with one slug, or two different names (regions, zones, sources) with one pinyin slug.
 * Without this the later one would silently overwrite the earlier page.
 */

const KIND_LABEL: Record<Exclude<TaxonomyKind, 'type' | 'year'>, string> = {
  region: '地区 region',
  zone: '发布开发区 zone',
  source: '来源 source',
};

export function findConflicts(articles: readonly Article[]): Problem[] {
  const problems: Problem[] = [];
  const bySlug = new Map<string, Article>();
  for (const article of articles) {
    const first = bySlug.get(article.slug);
    if (!first) {
      bySlug.set(article.slug, article);
      continue;
    }
    problems.push({
      file: article.file,
      field: 'slug',
      message: `网址 ${articlePath(article.slug)} 与 ${first.file} 重复 / the URL ${articlePath(article.slug)} is also claimed by ${first.file}`,
    });
  }

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
