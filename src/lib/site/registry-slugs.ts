import { readRegistry } from '@/lib/content/registry';
import type { SlugOverrides } from '@/lib/content/registry-types';
import { SITE } from '@/site.config';

/**
 * The slug overrides of the registry next to the content being built, read once when the build
 * starts, like SITE itself: src/lib/site/urls.ts uses them as termSlug's default, so every page,
 * feed and search filter gets the same URL for a zone without each caller passing the registry.
 * A missing or broken registry gives no overrides here; the check reports it and stops the build.
 * Relative to the working directory, as Astro resolves the project root (`npm run` runs there).
 */
export const SITE_SLUGS: SlugOverrides = readRegistry(process.cwd(), SITE.contentDir).registry?.slugs ?? {};
