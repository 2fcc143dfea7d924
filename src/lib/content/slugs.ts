import { pinyin } from 'pinyin-pro';
import type { SlugTable } from '@/lib/content/slug-types';
import type { NewsType, TaxonomyKind } from '@/lib/content/taxonomy';

/**
 * Readable ASCII slugs from Chinese names: 盐城 -> `yancheng`,
 * 盐城经济技术开发区 -> `yancheng-jingji-jishu-kaifaqu`.
 *
 * pinyin-pro turns characters into syllables (with polyphones in context: 重庆 -> chongqing).
 * It does not segment words, and `Intl.Segmenter` would make URLs depend on the ICU data of
 * whatever Node runs the build, so words are found by longest match against this fixed list
 * of terms that recur in the names of zones and issuing offices. A run of other characters
 * (usually a place name) stays one word. Changing this list changes URLs: add to it only
 * together with redirects.
 */
const TERMS = [
  '开发区',
  '高新区',
  '经开区',
  '保税区',
  '新区',
  '园区',
  '管委会',
  '管理委员会',
  '委员会',
  '办公室',
  '人民政府',
  '经济',
  '技术',
  '新技术',
  '高新',
  '产业',
  '工业',
  '综合',
  '科技',
  '发展',
  '招商',
  '投资',
  '促进',
  '商务',
  '招商局',
  '商务局',
  '国家级',
  '国家',
  '省级',
  '党政',
  '宣传部',
  '融媒体',
  '中心',
  '服务',
  '改革',
  '和',
  '局',
  '市',
  '区',
  '县',
];
const MAX_TERM = Math.max(...TERMS.map((term) => term.length));
const TERM_SET = new Set(TERMS);
const HAN = /\p{Script=Han}/u;

/** Splits a name into words: known terms, runs of other Han characters, and everything else. */
function words(name: string): string[] {
  const chars = Array.from(name.normalize('NFKC'));
  const result: string[] = [];
  let pending = '';
  const flush = () => {
    if (pending) result.push(pending);
    pending = '';
  };
  for (let i = 0; i < chars.length;) {
    if (!HAN.test(chars[i])) {
      flush();
      let run = '';
      while (i < chars.length && !HAN.test(chars[i])) run += chars[i++];
      result.push(run);
      continue;
    }
    let term = '';
    for (let length = Math.min(MAX_TERM, chars.length - i); length >= 2; length--) {
      const candidate = chars.slice(i, i + length).join('');
      if (TERM_SET.has(candidate)) {
        term = candidate;
        break;
      }
    }
    // A single-character term (市, 区, 局) is a word only at the start or end of a name or after
    // another term; inside a run of characters it is part of a place name (盐城市商务局 -> yanchengshi).
    if (!term && TERM_SET.has(chars[i]) && (i === chars.length - 1 || !pending)) term = chars[i];
    if (term) {
      flush();
      result.push(term);
      i += term.length;
    } else {
      pending += chars[i++];
    }
  }
  flush();
  return result;
}

/**
 * A readable fallback for names with nothing to spell (emoji, kana, Han characters pinyin-pro
 * does not know): each character's code point, `u1f389` for 🎉, so a reader can still tell
 * what the URL names and the same name always gives the same slug. Past four characters the
 * rest is folded into a short hash, to keep URLs short.
 */
function codePointSlug(name: string): string {
  const chars = Array.from(name.normalize('NFKC').replace(/\s+/g, ''));
  const shown = chars.slice(0, 4).map((char) => `u${(char.codePointAt(0) ?? 0).toString(16)}`);
  if (chars.length <= 4) return shown.join('-') || 'u0';
  let hash = 0x811c9dc5;
  for (const char of chars.slice(4)) {
    hash ^= char.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return [...shown, hash.toString(36)].join('-');
}

/** Latin letters without their accents (Café -> cafe); digits and the rest as they are. */
function plainLatin(word: string): string {
  return word.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
}

/**
 * The slug a region, zone, source or file name spells by itself: its pinyin, split into words at
 * known terms. Only `[a-z0-9-]` survives, so `/`, `..`, `\`, `?`, `#` and spaces can never
 * leave the folder a URL is built in. Two names may spell the same slug (泰州 and 台州 are both
 * `taizhou`): src/lib/content/slug-assign.ts then gives each its own.
 */
export function toSlug(name: string): string {
  // Most file names are slugs already: no need to split them into words.
  if (/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(name)) return name;
  const parts = words(name).map((word) =>
    HAN.test(word) ? pinyin(word, { toneType: 'none', type: 'array', nonZh: 'removed', v: true }).join('') : plainLatin(word),
  );
  const slug = parts
    .join('-')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug || codePointSlug(name);
}

/** News types have fixed slugs: there are two of them and they never change. */
const TYPE_SLUGS: Record<NewsType, string> = { 文字新闻: 'wenzi', 图片新闻: 'tupian' };

const slugCache = new Map<string, string>();

/** toSlug, remembered: the same few hundred names are asked for on every page. */
export function spelledSlug(name: string): string {
  let slug = slugCache.get(name);
  if (slug === undefined) {
    slug = toSlug(name);
    slugCache.set(name, slug);
  }
  return slug;
}

/**
 * The slug a region, zone, type, source or year name gets in URLs: a region's, zone's or
 * source's from the slugs assigned to the archive (`slugs`, src/lib/content/slug-assign.ts),
 * where every name has its own; a name the assignment has not seen gets the slug it spells.
 */
export function taxonomySlug(kind: TaxonomyKind, name: string, slugs: SlugTable): string {
  if (kind === 'year') return String(name);
  if (kind === 'type') return TYPE_SLUGS[name as NewsType] ?? toSlug(name);
  return slugs[kind]?.get(name) ?? spelledSlug(name);
}

/**
 * An article's slug as it spells itself: the `slug` frontmatter field if set, else its file
 * name without `.md` (folders are not part of it, so editors can reorganise folders without
 * breaking links). Two file names may spell one slug; src/lib/content/slug-assign.ts decides.
 */
export function articleSlug(fileId: string, frontmatterSlug?: string): string {
  return frontmatterSlug || spelledSlug(articleName(fileId));
}

/** The name an article's URL is made from: its file name without folders and `.md`. */
export function articleName(fileId: string): string {
  return fileId.split('/').pop() ?? fileId;
}

/**
 * A slug that may name an article: lower-case words of a-z and 0-9 joined by single hyphens, not
 * only digits (a year's listing) and not `page` (the pager's word). One regular expression, so
 * that the web editor's form (src/lib/cms/) applies the very same rule.
 */
export const ARTICLE_SLUG_PATTERN = /^(?!\d+$)(?!page$)[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Whether a slug may name an article (ARTICLE_SLUG_PATTERN). */
export function isUsableArticleSlug(slug: string): boolean {
  return ARTICLE_SLUG_PATTERN.test(slug);
}
