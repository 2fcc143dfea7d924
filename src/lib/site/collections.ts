import { getCollection, getEntry } from 'astro:content';
import { readBody } from '@/lib/build/body-store';
import { buildTime } from '@/lib/build/clock';
import { isVisible, toArticle, withoutFutureUpdate } from '@/lib/content/article';
import { articlePageKey } from '@/lib/site/page-keys';
import type { ArticlePageProps } from '@/lib/site/page-props';
import type { ArticleData } from '@/lib/content/schema';
import { readRegistry } from '@/lib/content/registry';
import { assignSlugs } from '@/lib/content/slug-assign';
import { readSlugLock } from '@/lib/content/slug-lock';
import { rebaseHtml } from '@/lib/site/urls';
import { useSiteSlugs } from '@/lib/site/registry-slugs';
import type { ImageFacts } from '@/lib/build/image-facts';
import { coversOf, knownFacts, loadImageFacts } from '@/lib/site/site-images';
import { buildSiteIndex, type SiteIndex } from '@/lib/site/site-index';
import { SITE } from '@/site.config';

/**
 * The only module that reads the content collection. A production build sees published
 * articles only; `npm run dev` (preview) sees drafts and scheduled articles too.
 */

/** Preview (`npm run dev`) shows drafts and scheduled articles; a build never does. */
export const isPreview = import.meta.env.DEV;

/** The moment the build started (src/lib/build/clock.ts); it decides which scheduled articles are due. */
const buildMoment = buildTime();

/** "Now" for publication rules: fixed for a build, the real time for each preview request. */
export function currentTime(): Date {
  return isPreview ? new Date() : buildMoment;
}

let cached: Promise<SiteIndex> | undefined;

/**
 * `data.slug` as the editor wrote it. Astro's dev server puts a trap on an absent `data.slug`
 * that logs a warning left over from Astro 4's automatic slugs; reading the own value (and
 * spreading, which skips the trap's non-enumerable getter) avoids that false alarm.
 */
function withOwnSlug(data: ArticleData): ArticleData {
  return { ...data, slug: Object.getOwnPropertyDescriptor(data, 'slug')?.value };
}

/**
 * Every name's slug (src/lib/content/slug-assign.ts) from every stored article, drafts and
 * scheduled ones included, with the registry and the slug lock beside the content: the same
 * inputs as the check the loader ran, so the same slugs. Read on every load, so that the
 * preview follows edits to either file. The site's URLs use them from here on.
 */
function withSlugs(
  entries: ReadonlyArray<{ id: string; filePath?: string; data: ArticleData; rendered?: { metadata?: Record<string, unknown> } }>,
) {
  const rootDir = process.cwd();
  const stored = entries.map((entry) => {
    const data = withOwnSlug(entry.data);
    return {
      article: toArticle(entry.id, entry.filePath ?? entry.id, data, String(entry.rendered?.metadata?.summary ?? '')),
      pin: data.slug,
    };
  });
  const assignment = assignSlugs({
    articles: stored,
    pins: readRegistry(rootDir, SITE.contentDir).registry?.slugs ?? {},
    lock: readSlugLock(rootDir, SITE.contentDir).lock,
  });
  useSiteSlugs(assignment.table);
  const articles = stored.map(({ article }) => ({ ...article, slug: assignment.articleSlugs.get(article.id) as string }));
  return { articles, moves: assignment.moves };
}

async function load(): Promise<SiteIndex> {
  const { articles, moves } = withSlugs(await getCollection('news'));
  const now = currentTime();
  const visible = articles
    .filter((article) => isVisible(article, { now, preview: isPreview }))
    .map((article) => withoutFutureUpdate(article, now));
  return buildSiteIndex(visible, SITE.relatedCount, moves);
}

/** The site index, built once per build; in preview, afresh for every request so edits show. */
export function getSiteIndex(): Promise<SiteIndex> {
  if (isPreview) return load();
  cached ??= load();
  return cached;
}

let images: Promise<Map<string, ImageFacts>> | undefined;

/** The facts of every cover (src/lib/site/site-images.ts), read once per build; in preview, for every request. */
export async function getSiteImages(): Promise<Map<string, ImageFacts>> {
  if (isPreview) {
    const { all } = await load();
    const inBodies = await Promise.all(all.map((article) => bodyImagesOf(article.id)));
    return loadImageFacts([...coversOf(all), ...inBodies.flat()]);
  }
  images ??= getSiteIndex().then(async (index) => {
    const inBodies = await Promise.all(index.all.map((article) => bodyImagesOf(article.id)));
    return loadImageFacts([...coversOf(index.all), ...inBodies.flat()]);
  });
  return images;
}

/** The file that holds an article's body (src/lib/build/body-store.ts), named by the content store's digest. */
async function bodyFileOf(id: string): Promise<string> {
  const entry = await getEntry('news', id);
  const file = entry?.rendered?.metadata?.bodyFile;
  if (typeof file !== 'string') throw new Error(`no rendered body for the article ${id}`);
  return file;
}

/** The site's own pictures in an article's body (RenderedBody.images, src/lib/content/markdown.ts), as the loader stored them. */
async function bodyImagesOf(id: string): Promise<string[]> {
  const entry = await getEntry('news', id);
  const images = entry?.rendered?.metadata?.imagePaths;
  return Array.isArray(images) ? images.filter((src): src is string => typeof src === 'string') : [];
}

/**
 * An article's body as safe HTML (rendered once by the loader, see src/lib/content/markdown.ts) from its
 * file, its root-relative URLs under the site's base (the cached HTML does not depend on the base).
 */
export function readArticleHtml(bodyFile: string): string {
  return rebaseHtml(readBody(bodyFile));
}

/** An article's body as safe HTML, by its id. */
export async function getArticleHtml(id: string): Promise<string> {
  return readArticleHtml(await bodyFileOf(id));
}

/** Everything an article page shows: the page renders these props and nothing else of the content. */
/** Every article page's props and its incremental-build key (articlePageKey). */
export async function articlePages(): Promise<Array<{ props: ArticlePageProps; cacheKey: string }>> {
  const [index, facts] = await Promise.all([getSiteIndex(), getSiteImages()]);
  return Promise.all(
    index.all.map(async (article) => {
      const inBody = await bodyImagesOf(article.id);
      const props: ArticlePageProps = {
        article,
        cover: article.cover ? facts.get(article.cover) : undefined,
        bodyImages: knownFacts(inBody, facts),
        bodyFile: await bodyFileOf(article.id),
        neighbours: index.neighbours.get(article.id) ?? {},
        related: index.related.get(article.id) ?? [],
      };
      return { props, cacheKey: articlePageKey(props) };
    }),
  );
}
