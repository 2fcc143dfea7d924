// Every feed in one OPML file for feed readers (src/lib/opml.ts).
import { getSiteIndex } from '@/lib/collections';
import { feedCatalog } from '@/lib/feed-catalog';
import { opmlDocument } from '@/lib/opml';

export async function GET() {
  return new Response(opmlDocument(feedCatalog(await getSiteIndex())), { headers: { 'Content-Type': 'text/x-opml; charset=utf-8' } });
}
