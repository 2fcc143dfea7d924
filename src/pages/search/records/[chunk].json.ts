// Search records for the index, 500 articles a file: written by the build, read and then
// deleted by src/integrations/pagefind.ts, so they never reach the CDN. They come from the site
// index, so results show the names pages show, and only the article itself is searchable.
import type { APIRoute, GetStaticPaths } from 'astro';
import { getArticleHtml, getSiteIndex } from '@/lib/collections';
import { searchRecord } from '@/lib/search-records';

const PER_FILE = 500;

export const getStaticPaths = (async () => {
  const { all } = await getSiteIndex();
  // At least one file, even for an empty site: the integration refuses to index without them.
  const files = Math.max(1, Math.ceil(all.length / PER_FILE));
  return Array.from({ length: files }, (_, index) => ({ params: { chunk: String(index) } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const { all } = await getSiteIndex();
  const start = Number(params.chunk) * PER_FILE;
  const articles = all.slice(start, start + PER_FILE);
  const records = await Promise.all(articles.map(async (article) => searchRecord(article, await getArticleHtml(article.id))));
  return new Response(JSON.stringify(records), { headers: { 'Content-Type': 'application/json' } });
};
