// Optional Markdown blocks: a project table, a bulleted list, an official's
// words as a blockquote, and harmless legacy HTML as found in imported archives.

import type { Ctx, Topic } from './template.ts';
import { fill, tenths } from './template.ts';
import { int, pick, pickN } from './prng.ts';
import { makeCompany, OFFICIALS } from './vocab.ts';
import { QUOTE_LEADS, QUOTES } from './generic.ts';

/** Caption + GFM table of 3–6 projects. */
export function projectTable(ctx: Ctx, topic: Topic): string {
  const rows: string[] = [];
  const count = int(ctx.rng, 3, 6);
  for (let i = 0; i < count; i++) {
    const c = i === 0 ? ctx.company : makeCompany(ctx.rng, ctx.zone.province);
    const name = `${c.brand}${pick(ctx.rng, c.industry.products)}项目`;
    rows.push(`| ${name} | ${tenths(int(ctx.rng, 10, 600))} | ${c.industry.name} |`);
  }
  return [`**${topic.tableCaption}**`, '', '| 项目名称 | 投资额（亿元） | 产业类别 |', '| --- | ---: | --- |', ...rows].join('\n');
}

/** Intro paragraph + bulleted list of 3–5 items (；between items, 。 at the end). */
export function bulletList(ctx: Ctx, topic: Topic): string {
  const items = pickN(ctx.rng, topic.listItems, int(ctx.rng, 3, 5));
  const lines = items.map((t, i) => `- ${fill(ctx, t)}${i === items.length - 1 ? '。' : '；'}`);
  return `${fill(ctx, topic.listIntro)}\n\n${lines.join('\n')}`;
}

/** Attribution paragraph + `>` blockquote with the official's words. */
export function officialQuote(ctx: Ctx): string {
  const lead = pick(ctx.rng, QUOTE_LEADS).split('{OFF}').join(pick(ctx.rng, OFFICIALS));
  return `${fill(ctx, lead)}\n\n> “${fill(ctx, pick(ctx.rng, QUOTES))}”`;
}

/** Wraps a paragraph (or its first sentence) in inline-styled legacy HTML. */
export function legacyHtml(ctx: Ctx, paragraph: string): string {
  if (ctx.rng() < 0.5) return `<p style="text-indent:2em">${paragraph}</p>`;
  const cut = paragraph.indexOf('。') + 1;
  if (cut <= 0 || cut >= paragraph.length) return `<span style="color:#333">${paragraph}</span>`;
  return `<span style="color:#333">${paragraph.slice(0, cut)}</span>${paragraph.slice(cut)}`;
}
