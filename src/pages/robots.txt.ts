// robots.txt pointing at the sitemap (src/lib/site/robots.ts).
import { robotsTxt } from '@/lib/site/robots';

export const GET = () => new Response(robotsTxt(), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
