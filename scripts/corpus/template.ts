// Tiny template language for the article prose.
//   [甲|乙|丙]   picks one alternative (processed first, may contain placeholders)
//   {Z} {S} {R} {P} {K}  zone full name, short name, region, province, kind (经开区 …)
//   {Y} {PY} {M} {D} {Q} year, previous year, month, "4月7日", quarter (一季度)
//   {PERIOD}           last completed reporting period, e.g. 2023年1—5月 (or 2022年 in January)
//   {n} {amt}          the article's main project count and amount (亿元)
//   {C1} {C1S} {IND1} {V}  the article's main company, its short name, main industry, visitor
//   {C} {IND}          a fresh company name / a random industry name
//   {N:a-b} {A:a-b} {PCT:a-b}  random integer, amount with one decimal, percentage with %

import type { Rng } from './prng.ts';
import { int, pick } from './prng.ts';
import type { Zone } from './zones.ts';
import type { Company, Industry } from './vocab.ts';
import { INDUSTRIES, makeCompany } from './vocab.ts';

export interface Ctx {
  rng: Rng;
  zone: Zone;
  year: number;
  month: number;
  day: number;
  quarter: string;
  n: number;
  amt: string;
  company: Company;
  industry: Industry;
  visitor: string;
}

/** Tenths as a decimal string without trailing ".0": 125 → "12.5", 120 → "12". */
export function tenths(t: number): string {
  const whole = Math.floor(t / 10);
  const frac = t % 10;
  return frac === 0 ? String(whole) : `${whole}.${frac}`;
}

/** Reporting period that has ended before the article's month. */
function period(year: number, month: number): string {
  if (month === 1) return `${year - 1}年`;
  if (month === 2) return `${year}年1月`;
  return `${year}年1—${month - 1}月`;
}

/** A random industry other than the article's main one (avoids 新能源、新能源). */
function otherIndustry(ctx: Ctx): string {
  const i = Math.floor(ctx.rng() * (INDUSTRIES.length - 1));
  const other = INDUSTRIES[i];
  return other === ctx.industry ? INDUSTRIES[INDUSTRIES.length - 1].name : other.name;
}

function value(ctx: Ctx, key: string, a: number, b: number): string {
  const z = ctx.zone;
  switch (key) {
    case 'Z':
      return z.name;
    case 'S':
      return z.short;
    case 'R':
      return z.region;
    case 'P':
      return z.province;
    case 'K':
      return z.kind;
    case 'Y':
      return String(ctx.year);
    case 'PY':
      return String(ctx.year - 1);
    case 'M':
      return String(ctx.month);
    case 'D':
      return `${ctx.month}月${ctx.day}日`;
    case 'Q':
      return ctx.quarter;
    case 'PERIOD':
      return period(ctx.year, ctx.month);
    case 'n':
      return String(ctx.n);
    case 'amt':
      return ctx.amt;
    case 'C1':
      return ctx.company.full;
    case 'C1S':
      return ctx.company.short;
    case 'IND1':
      return ctx.industry.name;
    case 'V':
      return ctx.visitor;
    case 'C':
      return makeCompany(ctx.rng, z.province).full;
    case 'IND':
      return otherIndustry(ctx);
    case 'N':
      return String(int(ctx.rng, a, b));
    case 'A':
      return tenths(int(ctx.rng, a * 10, b * 10));
    case 'PCT':
      return tenths(int(ctx.rng, a * 10, b * 10)) + '%';
    default:
      throw new Error(`unknown template key {${key}}`);
  }
}

const ALT_RE = /\[([^[\]]*)\]/g;
const KEY_RE = /\{([A-Za-z0-9]+)(?::(\d+)-(\d+))?\}/g;

interface Slot {
  key: string;
  a: number;
  b: number;
}
interface Alternatives {
  alts: Part[][];
}
/** A literal, a placeholder, or a choice between alternatives (each a list of parts). */
type Part = string | Slot | Alternatives;

function compilePlain(text: string): Part[] {
  const parts: Part[] = [];
  let last = 0;
  for (const m of text.matchAll(KEY_RE)) {
    if (m.index > last) parts.push(text.slice(last, m.index));
    parts.push({ key: m[1], a: Number(m[2] ?? 0), b: Number(m[3] ?? 0) });
    last = m.index + m[0].length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return parts;
}

function compile(template: string): Part[] {
  const parts: Part[] = [];
  let last = 0;
  for (const m of template.matchAll(ALT_RE)) {
    parts.push(...compilePlain(template.slice(last, m.index)));
    parts.push({ alts: m[1].split('|').map(compilePlain) });
    last = m.index + m[0].length;
  }
  parts.push(...compilePlain(template.slice(last)));
  return parts;
}

function render(ctx: Ctx, parts: readonly Part[]): string {
  let out = '';
  for (const part of parts) {
    if (typeof part === 'string') out += part;
    else if ('alts' in part) out += render(ctx, pick(ctx.rng, part.alts));
    else out += value(ctx, part.key, part.a, part.b);
  }
  return out;
}

/** Templates are parsed once and cached (the corpus reuses a few hundred of them). */
const compiled = new Map<string, Part[]>();

/** Expands alternatives and placeholders of one template. */
export function fill(ctx: Ctx, template: string): string {
  let parts = compiled.get(template);
  if (parts === undefined) {
    parts = compile(template);
    compiled.set(template, parts);
  }
  return render(ctx, parts);
}

/** One angle of a theme: titles, leads and summaries that fit together. */
export interface Angle {
  titles: readonly string[];
  leads: readonly string[];
  /** One-sentence summaries (40–90 characters after filling). */
  summaries: readonly string[];
}

/** Templates of one article theme. All strings go through fill(). */
export interface Topic {
  /** ASCII pinyin keyword used in file names, e.g. kaigong. */
  key: string;
  /** Preferred tags; the first tag of an article comes from here. */
  tags: readonly string[];
  angles: readonly Angle[];
  /** Middle paragraphs that fit every angle of the theme. */
  details: readonly string[];
  closings: readonly string[];
  /** Intro line and items (without final punctuation) for a bulleted list. */
  listIntro: string;
  listItems: readonly string[];
  /** Caption of the optional project table, e.g. 签约项目一览. */
  tableCaption: string;
}
