import type { Article } from '@/lib/content/article';
import type { SlugOverrides } from '@/lib/content/registry-types';
import { articleName, isUsableArticleSlug, spelledSlug } from '@/lib/content/slugs';
import {
  NAME_KINDS,
  type LockEntry,
  type NameKind,
  type SlugLock,
  type SlugMove,
  type SlugTable,
  type TermKind,
} from '@/lib/content/slug-types';

/**
 * Gives every name of the archive a slug of its own: regions, zones, sources and article file
 * names. Names that spell the same pinyin (泰州 and 台州, 苏州 and 宿州, 抚州 and 福州 are real
 * pairs of cities) are told apart without asking an editor, and a URL once given stays with its
 * name. No rule that looks only at the names and dates of today's archive can promise that
 * (adding an older article of 台州日报 to an archive that has 泰州日报 would hand it the plain
 * slug under any ordering), so what was given is written down: the slug lock
 * (src/lib/content/slug-lock.ts), committed with the articles. In this order:
 *
 * 1. a pinned slug (registry.yaml `slug`, an article's `slug`) is the name's;
 * 2. a name in the lock keeps its slug, unless a pin took it (it then moves, and cannot
 *    redirect: its old URL is the pinned name's page now);
 * 3. a name that is its own slug (`2023-04-07-kaigong`) keeps it;
 * 4. every other name, earliest first (its first article's date, then the name), gets the slug
 *    it spells, or the first of `-2`, `-3`… that no name holds, the lock reserves or the kind
 *    refuses (`page` and digits alone for articles).
 *
 * Slugs a name had before (the lock's former slugs) are never given to another name: each
 * redirects to the name's slug now. The same inputs give the same slugs, so a build in a fresh
 * clone, a build with a cache and the check agree; names the lock does not have yet are listed
 * for it (`added`), and writing them never changes a URL.
 */

export interface AssignInput {
  /** Every article that passed the check, drafts and scheduled ones included, as each spells its slug. */
  articles: ReadonlyArray<{ article: Article; /** The `slug` the editor wrote, if any. */ pin?: string }>;
  /** Slugs pinned in the registry. */
  pins: SlugOverrides;
  lock: SlugLock;
}

/** A name that lost the slug the lock gave it to a pinned name. */
export interface Displaced {
  kind: NameKind;
  name: string;
  from: string;
  to: string;
  /** Who has `from` now: a name, or for an article's pin, its file. */
  by: string;
}

export interface Assignment {
  /** Each region's, zone's and source's slug. */
  table: SlugTable;
  /** Each article's slug, by id. */
  articleSlugs: Map<string, string>;
  /** The lock as it should be after this assignment. */
  lock: SlugLock;
  /** Entries of `lock` that the lock file does not have yet, or has with another slug. */
  added: Array<{ kind: NameKind; name: string; entry: LockEntry; before?: LockEntry }>;
  /** Every redirect from a former slug to a name's slug now, for names the archive has. */
  moves: SlugMove[];
  displaced: Displaced[];
}

interface KindInput {
  kind: NameKind;
  /** Names the archive has, each with the time of its first article. */
  present: Map<string, number>;
  /** Pinned slugs by name (registry pins may name places no article uses yet: their slug is kept for them). */
  pins: ReadonlyMap<string, string>;
  /** Pinned slugs that belong to no name here (an article's own `slug`), with who pinned them. */
  claims: ReadonlyArray<[slug: string, by: string]>;
  lock: ReadonlyMap<string, LockEntry>;
  usable: (slug: string) => boolean;
}

interface KindResult {
  slugs: Map<string, string>;
  lock: Map<string, LockEntry>;
  displaced: Displaced[];
}

const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function assignKind({ kind, present, pins, claims, lock, usable }: KindInput): KindResult {
  /** Slug -> the name (or file) that holds it. */
  const owner = new Map<string, string>();
  for (const [name, slug] of pins) if (!owner.has(slug)) owner.set(slug, name);
  for (const [slug, by] of claims) if (!owner.has(slug)) owner.set(slug, by);
  const slugs = new Map<string, string>();
  const after = new Map<string, LockEntry>();
  const displaced: Displaced[] = [];
  const earliest = (name: string) => present.get(name) ?? Number.POSITIVE_INFINITY;
  const order = (a: string, b: string) => earliest(a) - earliest(b) || byCodePoint(a, b);

  // 1. Pins. A pinned name the lock had under another slug keeps that slug as a former one.
  for (const [name, slug] of pins) {
    if (!present.has(name)) continue;
    slugs.set(name, slug);
    const entry = lock.get(name);
    if (entry && entry.slug !== slug) after.set(name, { slug, former: [entry.slug, ...entry.former], line: entry.line });
    else if (entry) after.set(name, entry);
    else if (slug !== name) after.set(name, { slug, former: [], line: 0 });
  }
  // 2. The lock, present names first (the earliest keeps a slug two merged branches both gave).
  const pool: string[] = [];
  for (const name of [...lock.keys()].sort(order)) {
    if (slugs.has(name)) continue;
    const entry = lock.get(name) as LockEntry;
    const holder = owner.get(entry.slug);
    if (holder === undefined || holder === name) {
      owner.set(entry.slug, name);
      after.set(name, entry);
      if (present.has(name)) slugs.set(name, entry.slug);
    } else if (present.has(name)) {
      displaced.push({ kind, name, from: entry.slug, to: '', by: holder });
      after.set(name, { slug: '', former: entry.former, line: entry.line });
      pool.push(name);
    }
  }
  // Former slugs redirect: no other name may have them. A pin may take one back (its redirect then ends).
  const former = new Set<string>();
  for (const entry of after.values()) for (const slug of entry.former) if (!owner.has(slug)) former.add(slug);
  const free = (slug: string) => usable(slug) && !owner.has(slug) && !former.has(slug);

  // 3. Names that are their own slug: no two claim the same, so their order does not matter.
  for (const name of present.keys()) {
    if (slugs.has(name) || after.has(name)) continue;
    if (spelledSlug(name) === name && free(name)) {
      owner.set(name, name);
      slugs.set(name, name);
    } else pool.push(name);
  }
  // 4. The rest, earliest first: the spelled slug, or the first free -N.
  for (const name of pool.sort(order)) {
    const base = spelledSlug(name);
    let slug = base;
    for (let n = 2; !free(slug); n++) slug = `${base}-${n}`;
    owner.set(slug, name);
    slugs.set(name, slug);
    const entry = after.get(name);
    after.set(name, { slug, former: entry?.former ?? [], line: entry?.line ?? 0 });
  }
  for (const moved of displaced) moved.to = slugs.get(moved.name) as string;
  // Formers never include a slug some name holds now, nor the name's own.
  for (const [name, entry] of after) {
    const kept = [...new Set(entry.former)].filter((slug) => slug !== entry.slug && (owner.get(slug) ?? name) === name);
    if (kept.length !== entry.former.length) after.set(name, { ...entry, former: kept });
  }
  return { slugs, lock: after, displaced };
}

function sameEntry(a: LockEntry | undefined, b: LockEntry): boolean {
  return a !== undefined && a.slug === b.slug && a.former.join() === b.former.join();
}

/** Time of each name's first article. */
function firstUse(present: Map<string, number>, name: string, time: number): void {
  const known = present.get(name);
  if (known === undefined || time < known) present.set(name, time);
}

export function assignSlugs({ articles, pins, lock }: AssignInput): Assignment {
  const terms: Record<TermKind, Map<string, number>> = { region: new Map(), zone: new Map(), source: new Map() };
  const news = new Map<string, number>();
  const newsPins = new Map<string, string>();
  const unpinned = new Set<string>();
  for (const { article, pin } of articles) {
    const time = article.date.getTime();
    for (const kind of ['region', 'zone', 'source'] as const) firstUse(terms[kind], article[kind], time);
    const name = articleName(article.id);
    firstUse(news, name, time);
    if (!pin) unpinned.add(name);
    else if (!newsPins.has(name)) newsPins.set(name, pin);
  }
  // A file name is pinned when every file of that name sets its slug; any other pin is a claim
  // on its slug alone (two articles with one URL are then the check's to report).
  for (const name of unpinned) newsPins.delete(name);
  const claims: Array<[string, string]> = [];
  for (const { article, pin } of articles) {
    if (pin && newsPins.get(articleName(article.id)) !== pin) claims.push([pin, article.file]);
  }

  const results = {} as Record<NameKind, KindResult>;
  for (const kind of ['region', 'zone', 'source'] as const) {
    results[kind] = assignKind({ kind, present: terms[kind], pins: pins[kind] ?? new Map(), claims: [], lock: lock[kind], usable: () => true });
  }
  results.news = assignKind({
    kind: 'news',
    present: news,
    pins: newsPins,
    claims,
    lock: lock.news,
    usable: isUsableArticleSlug,
  });

  const articleSlugs = new Map<string, string>();
  for (const { article, pin } of articles) articleSlugs.set(article.id, pin || (results.news.slugs.get(articleName(article.id)) as string));
  const after = {} as SlugLock;
  const added: Assignment['added'] = [];
  const moves: SlugMove[] = [];
  const displaced: Displaced[] = [];
  for (const kind of NAME_KINDS) {
    const result = results[kind];
    after[kind] = result.lock;
    displaced.push(...result.displaced);
    for (const [name, entry] of result.lock) {
      const before = lock[kind].get(name);
      if (!sameEntry(before, entry)) added.push({ kind, name, entry, before });
      if (!result.slugs.has(name)) continue;
      for (const from of entry.former) moves.push({ kind, name, from, to: entry.slug });
    }
  }
  return {
    table: { region: results.region.slugs, zone: results.zone.slugs, source: results.source.slugs },
    articleSlugs,
    lock: after,
    added,
    moves,
    displaced,
  };
}

/** A build log names this many unrecorded names; the check records them all. */
const LISTED = 20;

const KIND_WORDS: Record<NameKind, string> = { region: '地区 region', zone: '开发区 zone', source: '来源 source', news: '文章 article' };

/**
 * What an editor needs to hear about an assignment, in Chinese and English: URLs that moved
 * (each redirects), URLs a pinned name took (they cannot), and, given the lock file `lockFile`,
 * the names it does not record yet (the build says so; the check records them instead).
 */
export function assignmentNotes(assignment: Assignment, lockFile?: string): string[] {
  const notes: string[] = [];
  for (const { kind, name, entry, before } of assignment.added) {
    if (!before?.slug || before.slug === entry.slug || !entry.former.includes(before.slug)) continue;
    notes.push(
      `网址变更 / URL moved: ${KIND_WORDS[kind]}“${name}”：${before.slug} -> ${entry.slug}，旧网址跳转到新网址 / the old URL redirects to the new one`,
    );
  }
  for (const { kind, name, from, to, by } of assignment.displaced) {
    notes.push(
      `网址让出 / URL given up: ${KIND_WORDS[kind]}“${name}”的网址名 ${from} 现在属于“${by}”，“${name}”改用 ${to}；旧网址现在是“${by}”的页面，无法跳转 / "${name}" loses ${from} to "${by}" and moves to ${to}; the old URL is now the page of "${by}" and cannot redirect`,
    );
  }
  const missing = assignment.added.length;
  if (lockFile && missing) {
    notes.push(
      `${lockFile} 还没有记录 ${missing} 个名称的网址名，请运行 npm run check 并提交该文件 / ${lockFile} does not record the slugs of ${missing} name(s) yet: run npm run check and commit the file:`,
      ...assignment.added
        .slice(0, LISTED)
        .map(({ kind, name, entry }) => `  ${KIND_WORDS[kind]} ${name}: ${entry.former.length ? `[${[entry.slug, ...entry.former].join(', ')}]` : entry.slug}`),
    );
    if (missing > LISTED) notes.push(`  …… 另有 ${missing - LISTED} 个 / and ${missing - LISTED} more`);
  }
  return notes;
}
