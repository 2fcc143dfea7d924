// Search records for the index, one file per shard (src/lib/search-shards.ts): written by the
// build, read and then deleted by src/integrations/pagefind.ts, so they never reach the CDN. They
// come from the site index, so results show the names pages show, and only the article itself
// is searchable.
import type { APIRoute, GetStaticPaths } from 'astro';
import type { Article } from '@/lib/articles';
import { getArticleHtml, getSiteIndex } from '@/lib/collections';
import { toBeijingIso } from '@/lib/dates';
import { searchRecord } from '@/lib/search-records';
import { searchShards } from '@/lib/search-shards';
import { SITE } from '@/site.config';

export const getStaticPaths = (async () => {
  const { all } = await getSiteIndex();
  return searchShards(all, (article) => toBeijingIso(article.date), SITE.searchShardCap).map(({ key, items }) => ({
    params: { shard: key },
    props: { articles: items },
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ articles: Article[] }> = async ({ props }) => {
  const records = await Promise.all(props.articles.map(async (article) => searchRecord(article, await getArticleHtml(article.id))));
  return new Response(JSON.stringify(records), { headers: { 'Content-Type': 'application/json' } });
};
