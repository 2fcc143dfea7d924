// Builds one article from (seed, index). Article i depends only on the seed and
// i — never on the total count — so a larger corpus starts with the smaller one.

import type { Rng } from './prng.ts';
import { chance, hash32, int, pick, pickN, rngFor, shuffle } from './prng.ts';
import type { Stamp } from './calendar.ts';
import { FIRST_YEAR, LAST_YEAR, formatDay, formatStamp, randomStamp } from './calendar.ts';
import type { Angle, Ctx, Topic } from './template.ts';
import { fill, tenths } from './template.ts';
import { FIRST_ZONE_OF_REGION, ZONES } from './zones.ts';
import { COVER_ALTS, INDUSTRIES, QUARTERS, TAGS, VISITORS, makeCompany } from './vocab.ts';
import { BACKGROUNDS, CLOSINGS, CONTEXT, DATA, PICTURE_REFS } from './generic.ts';
import { bulletList, legacyHtml, officialQuote, projectTable } from './extras.ts';
import { frontmatter, yamlList, yamlString } from './yaml.ts';
import { JIEDAI, KAIGONG, QIANYUE, ZHAOSHANG } from './topics-projects.ts';
import { KEJI, RENCAI, SHUZI } from './topics-innovation.ts';
import { LVSE, YINGSHANG, ZHENGCE } from './topics-policy.ts';

export interface Article {
  /** Relative path with forward slashes: yyyy/yyyy-mm-dd-topic-nnnnn.md */
  path: string;
  text: string;
}

const TOPICS: readonly Topic[] = [KAIGONG, QIANYUE, ZHAOSHANG, JIEDAI, SHUZI, ZHENGCE, KEJI, RENCAI, LVSE, YINGSHANG];

const ZONE_COUNT = ZONES.length;
/** Articles [0, 2·zones) cycle through the zones twice, so every zone has ≥ 2 articles. */
const ROUND_ROBIN = 2 * ZONE_COUNT;
const YEAR_COUNT = LAST_YEAR - FIRST_YEAR + 1;
/** The one article marked `draft: true` (an example for editors). */
export const DRAFT_INDEX = 7;
/** Articles of a zone within the same block of indexes may share a date slot. */
const TIE_BLOCK = 200;
/** Range of the target prose length, counted in Chinese characters (汉字 only). */
const MIN_HANZI = 820;
const MAX_HANZI = 2000;

/** Number of CJK unified ideographs in a string. */
function hanziCount(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x4e00 && c <= 0x9fff) n++;
  }
  return n;
}

/** Zone of article i: round-robin for the first two rounds, then hash-random. */
function zoneIndexFor(seed: number, index: number): number {
  return index < ROUND_ROBIN ? index % ZONE_COUNT : hash32(seed, index, 0x20e) % ZONE_COUNT;
}

/** Publication stamp of article i (ties: some articles copy a shared per-zone stamp). */
function stampFor(seed: number, index: number): Stamp {
  const zone = zoneIndexFor(seed, index);
  if (index < ROUND_ROBIN) {
    // Second round: every 8th zone repeats the exact stamp of its first-round article.
    if (index >= ZONE_COUNT && zone % 8 === 3) return stampFor(seed, index - ZONE_COUNT);
    return randomStamp(rngFor(seed, index, 2), FIRST_YEAR + (index % YEAR_COUNT));
  }
  const rng = rngFor(seed, index, 2);
  if (rng() < 0.1) return randomStamp(rngFor(seed, zone, 1000 + Math.floor(index / TIE_BLOCK)));
  return randomStamp(rng);
}

/** 图片新闻? Round one: never; round two: the first zone of each region; then ~25 %. */
function isPicture(seed: number, index: number): boolean {
  if (index < ZONE_COUNT) return false;
  if (index < ROUND_ROBIN) return FIRST_ZONE_OF_REGION.has(zoneIndexFor(seed, index));
  return rngFor(seed, index, 3)() < 0.25;
}

function summaryOf(ctx: Ctx, angle: Angle): string {
  let s = fill(ctx, pick(ctx.rng, angle.summaries));
  if (s.length < 40) s = `${s.slice(0, -1)}，为区域经济高质量发展注入新动能。`;
  if (s.length > 90) s = `${s.slice(0, s.lastIndexOf('，', 88))}。`;
  return s;
}

function tagsOf(rng: Rng, topic: Topic): string[] {
  const first = pick(rng, topic.tags);
  const rest = pickN(
    rng,
    TAGS.filter((t) => t !== first),
    int(rng, 0, 2),
  );
  return [first, ...rest];
}

/** Groups items into `groups` consecutive runs of near-equal size (items stay in order). */
function group(items: readonly string[], groups: number): string[] {
  const out: string[] = [];
  for (let g = 0, from = 0; g < groups; g++) {
    const to = Math.round(((g + 1) * items.length) / groups);
    out.push(items.slice(from, to).join(''));
    from = to;
  }
  return out;
}

/** Prose paragraphs: lead, 2–7 middle paragraphs, closing; 4–9 in all, at least 820 汉字. */
function paragraphs(ctx: Ctx, rng: Rng, topic: Topic, angle: Angle, pictureRef: string): string[] {
  const pool = shuffle(rng, topic.details);
  pool.splice(int(rng, 0, 2), 0, ...pickN(rng, BACKGROUNDS, 2));
  pool.push(...shuffle(rng, [...CONTEXT, ...pickN(rng, DATA, 3)]));
  const lead = fill(ctx, pick(rng, angle.leads)) + pictureRef;
  const closing = fill(ctx, pick(rng, [...topic.closings, ...CLOSINGS]));
  const target = int(rng, MIN_HANZI, MAX_HANZI);
  let slots = int(rng, 4, 9) - 2;
  const used: string[] = [];
  let size = hanziCount(lead) + hanziCount(closing);
  for (const t of pool) {
    const enough = used.length >= slots && (size >= target || used.length >= 5 * slots);
    if (enough && size >= MIN_HANZI) break;
    const p = fill(ctx, t);
    used.push(p);
    size += hanziCount(p);
  }
  // At most five templates per paragraph.
  slots = Math.min(used.length, Math.max(slots, Math.ceil(used.length / 5)));
  return [lead, ...group(used, slots), closing];
}

/** Builds article `index` of the corpus for `seed`. */
export function buildArticle(seed: number, index: number): Article {
  const rng = rngFor(seed, index, 0);
  const zone = ZONES[zoneIndexFor(seed, index)];
  const stamp = stampFor(seed, index);
  const topic = pick(rng, TOPICS);
  const angle = pick(rng, topic.angles);
  const industry = pick(rng, INDUSTRIES);
  const n = int(rng, 3, 30);
  const ctx: Ctx = {
    rng: rngFor(seed, index, 1),
    zone,
    year: stamp.year,
    month: stamp.month,
    day: stamp.day,
    quarter: QUARTERS[Math.floor((stamp.month - 1) / 3)],
    n,
    amt: tenths(int(rng, n * 8, n * 60)),
    company: makeCompany(rng, zone.province, industry),
    industry,
    visitor: pick(rng, VISITORS),
  };

  const fields: [string, string][] = [
    ['title', yamlString(fill(ctx, pick(rng, angle.titles)))],
    ['date', formatStamp(stamp)],
    ['source', yamlString(pick(rng, zone.sources))],
    ['zone', yamlString(zone.name)],
    ['region', yamlString(zone.region)],
  ];
  let pictureRef = '';
  if (isPicture(seed, index)) {
    const cover = int(rng, 1, COVER_ALTS.length);
    const alt = fill(ctx, COVER_ALTS[cover - 1]);
    fields.push(['type', '图片新闻'], ['cover', `/images/covers/cover-${String(cover).padStart(2, '0')}.jpg`]);
    fields.push(['coverAlt', yamlString(alt)]);
    pictureRef = fill(ctx, pick(rng, PICTURE_REFS).split('{ALT}').join(alt));
  } else {
    fields.push(['type', '文字新闻']);
  }
  if (index === DRAFT_INDEX) fields.push(['draft', 'true']);
  if (chance(rng, 0.25)) fields.push(['summary', yamlString(summaryOf(ctx, angle))]);
  fields.push(['tags', yamlList(tagsOf(rng, topic))]);

  const blocks = paragraphs(ctx, rng, topic, angle, pictureRef);
  const middleCount = blocks.length - 2;
  if (chance(rng, 1 / 20)) {
    const i = int(rng, 1, middleCount);
    blocks[i] = legacyHtml(ctx, blocks[i]);
  }
  if (chance(rng, 1 / 10)) blocks.splice(blocks.length - 1, 0, officialQuote(ctx));
  if (chance(rng, 1 / 8)) blocks.splice(int(rng, 1, middleCount), 0, bulletList(ctx, topic));
  if (chance(rng, 1 / 8)) blocks.splice(int(rng, 2, middleCount + 1), 0, projectTable(ctx, topic));

  const path = `${stamp.year}/${formatDay(stamp)}-${topic.key}-${String(index).padStart(5, '0')}.md`;
  return { path, text: `${frontmatter(fields)}\n${blocks.join('\n\n')}\n` };
}
