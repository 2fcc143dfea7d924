// robots.txt pointing at the sitemap (src/lib/robots.ts).
import { robotsTxt } from '@/lib/robots';

export const GET = () => new Response(robotsTxt(), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
