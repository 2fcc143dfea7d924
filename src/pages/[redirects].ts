import type { APIRoute, GetStaticPaths } from 'astro';
import { getSiteIndex } from '@/lib/site/collections';
import { articleRedirects, BULK_REDIRECTS_FILE, bulkRedirectsCsv, redirectsFile, slugRedirects } from '@/lib/site/redirects';
import { SITE } from '@/site.config';

// Writes dist/_redirects and, above the number of redirects Cloudflare Pages applies, the Bulk
// Redirects CSV (see src/lib/site/redirects.ts), which src/integrations/bulk-redirects.ts then
// moves out of the output. Astro skips page files whose names start with `_`, so the name comes
// from a parameter; an endpoint is written under its exact name.
export const getStaticPaths = (async () => {
  const index = await getSiteIndex();
  const over = articleRedirects(index.all, slugRedirects(index, SITE.pageSize)).length > SITE.redirectsLimit;
  return [{ params: { redirects: '_redirects' } }, ...(over ? [{ params: { redirects: BULK_REDIRECTS_FILE } }] : [])];
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const index = await getSiteIndex();
  const moved = slugRedirects(index, SITE.pageSize);
  if (params.redirects === BULK_REDIRECTS_FILE) {
    return new Response(bulkRedirectsCsv(index.all, moved), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
  }
  return new Response(redirectsFile(index.all, moved), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
