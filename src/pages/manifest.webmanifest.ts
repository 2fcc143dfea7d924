// The web manifest, from src/site.config.ts (src/lib/site/manifest.ts).
import { manifestJson } from '@/lib/site/manifest';

export const GET = () => new Response(manifestJson(), { headers: { 'Content-Type': 'application/manifest+json' } });
