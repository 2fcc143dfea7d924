import { closeSync, openSync, readdirSync, readSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { parseArticleFile, type ArticleFileContext } from '@/lib/content/article-file';
import { isVisible, toArticle, type Article } from '@/lib/content/article';
import type { ArticleData } from '@/lib/content/schema';
import { bodyLinks } from '@/lib/content/body-links';
import { linkCandidates, looseMayBeOnSite, type LinkCandidates } from '@/lib/content/link-candidates';
import { judgeLink, linkPath, rebaseUrl } from '@/lib/content/links';
import { coverFile, fileSize } from '@/lib/content/covers';
import { findConflicts } from '@/lib/content/conflicts';
import type { Problem } from '@/lib/content/problems';
import { parseFrontmatter } from '@/lib/content/frontmatter';
import { readRegistry } from '@/lib/content/registry';
import type { Registry } from '@/lib/content/registry-types';
import { assignSlugs, type Assignment } from '@/lib/content/slug-assign';
import { readSlugLock, type SlugLockRead } from '@/lib/content/slug-lock';
import type { SlugTable } from '@/lib/content/slug-types';

/**
 * The one check of the content: every article file (encoding, YAML, schema, registry, cover)
 * and then the archive as a whole (each name's slug, URLs, old URLs, the links and images of
 * every body). The content loader runs it
 * before rendering anything, and `npm run check` prints it, so an editor never sees two
 * verdicts.
 */

/** `.md` as editors usually write it, but also `.MD` or `.markdown`: none may be silently skipped. */
export const MARKDOWN_FILE = /\.(md|markdown)$/i;

/**
 * Markdown files under `dir` (paths relative to it, `/`-separated, sorted), skipping any file or
 * folder whose name starts with `_` or `.`. A hand-written walk: it does not descend into
 * skipped folders and was three times faster than readdirSync's recursive mode on 10,000 files.
 */
export function listArticleFiles(dir: string): string[] {
  const found: string[] = [];
  const walk = (folder: string, prefix: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      if (entry.name.startsWith('_') || entry.name.startsWith('.')) continue;
      // A folder may be called `x.md`; a symlink is followed and checked when it is read.
      if (entry.isDirectory()) walk(join(folder, entry.name), `${prefix}${entry.name}/`);
      else if (MARKDOWN_FILE.test(entry.name)) found.push(`${prefix}${entry.name}`);
    }
  };
  walk(resolve(dir), '');
  return found.sort();
}

export interface CheckOptions {
  /** The project root: file names in problems are relative to it. */
  rootDir: string;
  /** The news folder, absolute or relative to rootDir. */
  contentDir: string;
  /** Where covers live; default `public/` under rootDir. */
  publicDir?: string;
  /**
   * The URL the site gives an article's slug (articlePath of src/lib/site/urls.ts), named in the
   * message about two articles claiming one URL. Passed in: the content model knows slugs, the
   * site knows URLs.
   */
  articlePath: (slug: string) => string;
  /**
   * The site the articles will be built into, to check every body link and image against; without
   * it bodies are not checked (the post-build audit, which checks the built pages themselves).
   */
  site?: SitePlan;
  /**
   * What earlier runs found in each file alone (`npm run check -- --cache`), given the registry's
   * text, which decides how articles are filed. Checks across files (shared URLs, links) are
   * made over every article on every run.
   */
  cache?: (registrySource: string) => FileResults;
}

/** What the check finds in one file alone, which a cache may keep between runs. */
export interface FileResult {
  problems: Problem[];
  /** The article's fields and its body's link candidates, when the file passed. */
  article?: { data: ArticleData; candidates: LinkCandidates };
  /** The cover paths the check asked about and whether each existed: the result holds while they do. */
  covers: [string, boolean][];
}

/** Per-file results kept by the bytes of each file (its path relative to the project root). */
export interface FileResults {
  get(file: string, bytes: Uint8Array): FileResult | undefined;
  set(file: string, bytes: Uint8Array, result: FileResult): void;
}

/**
 * What the check must know of the built site to judge a body's links with the audit's rule
 * (src/lib/content/links.ts). The check runs before the build, so it is told which files the build
 * will write: the site owns its URLs (src/lib/site/urls.ts), and src/lib/site/site-plan.ts lists
 * them from the articles the check found to be published.
 */
export interface SitePlan {
  /** `https://example.org`: absolute URLs on it are the site's own. */
  origin: string;
  /** `/` or `/kfq/`: root-relative body URLs are served under it. */
  base: string;
  /** The build's "now", which decides which scheduled articles are published. */
  now: Date;
  /** Whether the build writes this output file, given the articles it publishes and the names' slugs. */
  files: (published: readonly Article[], slugs: SlugTable) => (file: string) => boolean;
}

/**
 * An article's link candidates (src/lib/content/link-candidates.ts), kept until every article is
 * known: small strings, where the bodies of 100,000 articles would not fit in memory.
 */
interface PendingLinks {
  file: string;
  absolute: string;
  /** The article page's URL path, which relative URLs are resolved from. */
  from: string;
  candidates: LinkCandidates;
}

/** A body link that points into the site. */
interface SiteLink {
  file: string;
  line: number;
  kind: 'link' | 'image';
  url: string;
  path: string;
}

export interface CheckedArticle {
  /** Path under the content folder without the extension: the collection id. */
  id: string;
  /** Path relative to the project root, for messages. */
  file: string;
  absolute: string;
  /** With the slug the archive gives it (src/lib/content/slug-assign.ts). */
  article: Article;
}

export interface CheckResult {
  problems: Problem[];
  /** Files that passed the per-file checks, in file order. */
  articles: CheckedArticle[];
  /** Every name's slug, and what the slug lock should record. */
  slugs: Assignment;
  /** The slug lock as read, for the tools that extend it (src/lib/content/slug-lock.ts). */
  slugLock: SlugLockRead;
  registry?: Registry;
  /** The registry file's path and text, which decide how articles are filed. */
  registryFile: string;
  registrySource: string;
}

/**
 * Reads a file into one buffer reused by every read on this thread, so the bytes are valid until
 * the next read. readFileSync would stat each file and allocate a buffer for it; parseArticleFile
 * keeps nothing of the bytes (gray-matter decodes them into strings at once).
 */
let scratch = Buffer.allocUnsafe(64 * 1024);
function readShared(absolute: string): Buffer {
  const fd = openSync(absolute, 'r');
  try {
    for (let length = 0; ;) {
      if (length === scratch.length) scratch = Buffer.concat([scratch], 2 * length);
      const read = readSync(fd, scratch, length, scratch.length - length, null);
      if (read === 0) return scratch.subarray(0, length);
      length += read;
    }
  } finally {
    closeSync(fd);
  }
}

function readArticle(absolute: string, file: string): { ok: true; bytes: Buffer } | { ok: false; problem: Problem } {
  try {
    return { ok: true, bytes: readShared(absolute) };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EISDIR') return { ok: false, problem: { file, message: '不是文件 / is not a file' } };
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, problem: { file, message: `无法读取 / cannot be read: ${reason}` } };
  }
}

/** What parseArticleFile needs to know about the project: its registry and public folder. */
export function articleContext(registry: Registry | undefined, publicDir: string): ArticleFileContext {
  const known = new Map<string, boolean>();
  return {
    registry,
    coverExists: (path) => {
      let found = known.get(path);
      if (found === undefined) {
        const file = coverFile(publicDir, path);
        found = file !== undefined && fileSize(file) !== undefined;
        known.set(path, found);
      }
      return found;
    },
  };
}

/** Checks one file alone: its bytes, frontmatter, registry names, cover and link candidates. */
function checkFile(file: string, bytes: Uint8Array, context: ArticleFileContext): FileResult {
  const covers: [string, boolean][] = [];
  const coverExists = context.coverExists;
  const asked: ArticleFileContext = {
    registry: context.registry,
    coverExists: coverExists && ((path) => {
      const found = coverExists(path);
      covers.push([path, found]);
      return found;
    }),
  };
  const parsed = parseArticleFile(file, bytes, asked);
  if (!parsed.ok) return { problems: parsed.problems, covers };
  return { problems: [], article: { data: parsed.data, candidates: linkCandidates(parsed.body) }, covers };
}

/** checkFile, or what `cache` kept for these bytes if every cover it asked about is as it was. */
function checkFileCached(file: string, bytes: Uint8Array, context: ArticleFileContext, cache: FileResults | undefined): FileResult {
  const kept = cache?.get(file, bytes);
  if (kept && kept.covers.every(([path, found]) => context.coverExists?.(path) === found)) return kept;
  const result = checkFile(file, bytes, context);
  cache?.set(file, bytes, result);
  return result;
}

/** Checks every article under `contentDir` (which must exist) and the registry next to it. */
export function checkContent({ rootDir, contentDir, publicDir, articlePath, site, cache }: CheckOptions): CheckResult {
  const baseDir = resolve(rootDir, contentDir);
  const registryRead = readRegistry(rootDir, baseDir);
  const problems: Problem[] = [...registryRead.problems];
  const context = articleContext(registryRead.registry, publicDir ?? join(rootDir, 'public'));
  const results = cache?.(registryRead.source);
  const slugLock = readSlugLock(rootDir, baseDir);
  problems.push(...slugLock.problems);
  const articles: CheckedArticle[] = [];
  const pins = new Map<string, string>();
  const fileOfId = new Map<string, string>();
  const pending: Array<Omit<PendingLinks, 'from'> & { id: string }> = [];

  const prefix = relative(rootDir, baseDir).split(sep).join('/');
  for (const name of listArticleFiles(baseDir)) {
    const absolute = `${baseDir}/${name}`;
    const file = prefix ? `${prefix}/${name}` : name;
    const id = name.replace(MARKDOWN_FILE, '');
    const twin = fileOfId.get(id);
    if (twin) {
      problems.push({ file, message: `与 ${twin} 同名，只能保留一个 / has the same name as ${twin}; keep one of them` });
      continue;
    }
    fileOfId.set(id, file);
    const read = readArticle(absolute, file);
    if (!read.ok) {
      problems.push(read.problem);
      continue;
    }
    // read.bytes is only valid until the next read (readShared): checkFile keeps none of it.
    const result = checkFileCached(file, read.bytes, context, results);
    problems.push(...result.problems);
    if (result.article) {
      const { data, candidates } = result.article;
      articles.push({ id, file, absolute, article: toArticle(id, file, data, '') });
      if (data.slug) pins.set(id, data.slug);
      if (site && (candidates.uncertain || candidates.urls.length || candidates.loose.length)) {
        pending.push({ id, file, absolute, candidates });
      }
    }
  }
  // Every name gets its own slug, whatever its pinyin: see src/lib/content/slug-assign.ts.
  const slugs = assignSlugs({
    articles: articles.map(({ id, article }) => ({ article, pin: pins.get(id) })),
    pins: registryRead.registry?.slugs ?? {},
    lock: slugLock.lock,
  });
  for (const checked of articles) checked.article = { ...checked.article, slug: slugs.articleSlugs.get(checked.id) as string };
  problems.push(...findConflicts(articles.map((checked) => checked.article), articlePath));
  if (site && pending.length) {
    const slugOf = new Map(articles.map(({ id, article }) => [id, article.slug]));
    const located = pending.map(({ id, ...rest }) => ({ ...rest, from: articlePath(slugOf.get(id) as string) }));
    problems.push(...linkProblems(located, articles, articlePath, site, slugs.table));
  }
  return {
    problems,
    articles,
    slugs,
    slugLock,
    registry: registryRead.registry,
    registryFile: registryRead.file,
    registrySource: registryRead.source,
  };
}

/**
 * The links of an article the per-file loop found valid, parsed exactly. Its file is read again;
 * should it have changed in between so that it no longer parses, its links are not judged (the
 * next check reports the file itself).
 */
function exactLinks(file: string, absolute: string, from: string, site: SitePlan): SiteLink[] {
  const read = readArticle(absolute, file);
  if (!read.ok) return [];
  const parsed = parseFrontmatter(read.bytes);
  return parsed.ok ? siteLinks(file, parsed.value.body, parsed.value.bodyLine, from, site) : [];
}

/** The body's links and images that point into the site (others are not checked), with their file lines. */
function siteLinks(file: string, body: string, bodyLine: number, from: string, site: SitePlan): SiteLink[] {
  return bodyLinks(body).flatMap(({ kind, url, line }) => {
    // Rebased as the article page serves it (rebaseHtml, src/lib/site/urls.ts), then resolved from the page's URL.
    const path = linkPath(rebaseUrl(url, site.base), from, site.origin);
    return path === undefined ? [] : [{ file, line: bodyLine + line - 1, kind, url, path }];
  });
}

/**
 * Every body link or image the built site would not resolve, by the audit's rule: the build
 * publishes the articles that are neither drafts nor scheduled after `now`, and a link to one that
 * it holds back is a fault of its own (the audit's `unpublished`), named as such.
 */
function linkProblems(
  pending: readonly PendingLinks[],
  articles: readonly CheckedArticle[],
  articlePath: (slug: string) => string,
  site: SitePlan,
  slugs: SlugTable,
): Problem[] {
  const published = articles.map(({ article }) => article).filter((article) => isVisible(article, { now: site.now, preview: false }));
  const publishedPaths = new Set(published.map((article) => articlePath(article.slug)));
  const hidden = new Map<string, Article>();
  for (const { article } of articles) {
    const path = articlePath(article.slug);
    if (!publishedPaths.has(path) && !hidden.has(path)) hidden.set(path, article);
  }
  const hasFile = site.files(published, slugs);
  const linkSite = { base: site.base, hasFile, isHidden: (path: string) => hidden.has(path) };
  const { hostname } = new URL(site.origin);
  // Bodies share most of their URLs, and a root-relative or `scheme://` one means the same on every
  // page (not `https:x`, which is relative on an https site): each is judged once.
  const verdicts = new Map<string, boolean>();
  const resolves = (url: string, from: string) => {
    const key = /^(\/|[a-z][a-z0-9+.-]*:\/\/)/i.test(url) ? url : `${from}\0${url}`;
    let ok = verdicts.get(key);
    if (ok === undefined) {
      const path = linkPath(rebaseUrl(url, site.base), from, site.origin);
      ok = path === undefined || judgeLink(path, linkSite) === 'ok';
      verdicts.set(key, ok);
    }
    return ok;
  };
  // Only an article with a candidate that may fail is parsed, read again from its file.
  const links = pending.flatMap(({ file, absolute, from, candidates }) =>
    candidates.uncertain ||
    candidates.loose.some((run) => looseMayBeOnSite(run, hostname)) ||
    !candidates.urls.every((url) => resolves(url, from))
      ? exactLinks(file, absolute, from, site)
      : [],
  );
  return links.flatMap(({ file, line, kind, url, path }): Problem[] => {
    const verdict = judgeLink(path, linkSite);
    if (verdict === 'ok') return [];
    const [zhShown, enShown] = url === path ? [url, url] : [`${url}（即 ${path}）`, `${url} (${path})`];
    const [zhWhat, enWhat] = kind === 'image' ? ['正文图片', 'the body shows the image'] : ['正文链接', 'the body links to'];
    let message: string;
    if (verdict === 'hidden') {
      const target = hidden.get(path) as Article;
      const [zhState, enState] = target.draft ? ['草稿', 'the draft'] : ['尚未到发布时间的文章', 'the scheduled article'];
      message = `${zhWhat} ${zhShown} 指向${zhState} ${target.file}，网站上还没有这一页 / ${enWhat} ${enShown}, ${enState} ${target.file}, which the site does not publish yet`;
    } else if (verdict === 'outside-base') {
      message = `${zhWhat} ${zhShown} 不在网站路径 ${site.base} 之下 / ${enWhat} ${enShown}, outside the site's base ${site.base}`;
    } else if (kind === 'image') {
      message = `${zhWhat} ${zhShown} 在网站中不存在，请把图片放进 public/ 或改正路径 / ${enWhat} ${enShown}, which the site does not have; add the picture under public/ or fix the path`;
    } else {
      message = `${zhWhat} ${zhShown} 在网站中不存在 / ${enWhat} ${enShown}, which the site does not have`;
    }
    return [{ file, line, field: 'body', message }];
  });
}
