// Every feed in one OPML file for feed readers (src/lib/feeds/opml.ts).
import { getSiteIndex } from '@/lib/site/collections';
import { feedCatalog } from '@/lib/feeds/catalog';
import { opmlDocument } from '@/lib/feeds/opml';

export async function GET() {
  return new Response(opmlDocument(feedCatalog(await getSiteIndex())), { headers: { 'Content-Type': 'text/x-opml; charset=utf-8' } });
}
