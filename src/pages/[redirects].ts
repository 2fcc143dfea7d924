import type { APIRoute, GetStaticPaths } from 'astro';
import { getSiteIndex } from '@/lib/site/collections';
import { redirectsFile } from '@/lib/site/redirects';

// Writes dist/_redirects (see src/lib/site/redirects.ts). Astro skips page files whose names start
// with `_`, so the name comes from a parameter; an endpoint is written under its exact name.
export const getStaticPaths = (() => [{ params: { redirects: '_redirects' } }]) satisfies GetStaticPaths;

export const GET: APIRoute = async () =>
  new Response(redirectsFile((await getSiteIndex()).all), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
