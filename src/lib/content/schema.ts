import { z } from 'astro/zod';
import { DATE_FORMATS, formatDateTime, parseArticleDate } from '@/lib/content/dates';
import { isUsableArticleSlug } from '@/lib/content/slugs';
import { NEWS_TYPES } from '@/lib/content/taxonomy';

/**
 * The frontmatter of a news article: the one schema that the build (src/content.config.ts)
 * and the editors' tools share. Messages are Chinese first, then English, because editors read
 * them in a terminal or a CI log and the team reads them in both languages.
 */

/**
 * A field's label and help text for editors, kept on the field itself so that every form built
 * from this schema (the web editor's, src/lib/cms/) shows the same words as the docs.
 */
export type FieldMeta = { title: string; description: string };
const field = (title: string, description: string): FieldMeta => ({ title, description });

const missingOr = (problem: string) => (issue: { input?: unknown }) =>
  issue.input === undefined || issue.input === null ? '缺少必填字段 / required field is missing' : problem;

/** A required single line of text: trimmed, not empty. */
const requiredText = (what: string) =>
  z
    .string({ error: missingOr(`应为文字 / must be text (${what})`) })
    .trim()
    .min(1, { error: `不能为空 / must not be empty (${what})` })
    .refine((value) => !/[\r\n]/.test(value), { error: `不能换行 / must be a single line (${what})` });

const optionalText = (what: string) =>
  z
    .string({ error: `应为文字 / must be text (${what})` })
    .trim()
    .min(1, { error: `不能为空 / must not be empty (${what})` })
    .optional();

const NOT_A_DATE = `应为日期文字，如 ${DATE_FORMATS[1]} / must be a date written like ${DATE_FORMATS[1]}`;

/** `2023-04-07`, `2023-04-07 09:30`: Beijing time unless an offset is written. `notText` words a value that is not text. */
const articleDate = (notText: string | ((issue: { input?: unknown }) => string)) =>
  z.string({ error: notText }).transform((text, ctx) => {
    const parsed = parseArticleDate(text);
    if (parsed.ok) return parsed.date;
    ctx.addIssue({
      code: 'custom',
      message:
        parsed.reason === 'impossible'
          ? `日期不存在：${text} / no such date or time: ${text}`
          : `日期格式无法识别：${text}，可用格式 ${DATE_FORMATS.join('、')} / unrecognised date "${text}"; write one of ${DATE_FORMATS.join(', ')}`,
    });
    return z.NEVER;
  });

/** An old URL: absolute http(s) or a root-relative path, no spaces (a _redirects line is space-separated). */
export const LEGACY_URL = /^(?:https?:\/\/[^/\s]+)?\/\S*$/i;

export const ArticleSchema = z
  .object({
    /** Headline, one line. Required. */
    title: requiredText('标题 title').meta(field('标题', '一行，不换行')),
    /** Publication time in Beijing time (see articleDate). Required. Future dates are held back until then. */
    date: articleDate(missingOr(NOT_A_DATE)).meta(field('发布时间', '北京时间；写将来的时间即定时发布，到时之后的构建才发布')),
    /**
     * 更新时间: when the article was last corrected, written like `date`. Optional; not earlier
     * than `date`. Shown on the article page, as schema.org `dateModified` and as the sitemap's
     * `lastmod`; listings and feeds stay ordered by `date`. A time later than the build's moment
     * is not shown until a build after it (src/lib/content/article.ts `withoutFutureUpdate`):
     * the article itself is published by its `date` all the same.
     */
    updated: articleDate(NOT_A_DATE).optional().meta(field('更新时间', '文章更正后填写，北京时间，不能早于发布时间')),
    /** 来源: the office that issued the news, e.g. 盐城经济技术开发区管委会. Required. */
    source: requiredText('来源 source').meta(field('来源', '发布单位，如 盐城经济技术开发区管委会')),
    /** 发布开发区: the development zone the news is about, by its official name. Required. */
    zone: requiredText('发布开发区 zone').meta(field('发布开发区', '名录中的开发区')),
    /** The city the zone is in, e.g. 盐城. Required. */
    region: requiredText('地区 region').meta(field('地区', '该开发区所属的地区')),
    /** 文字新闻 (default) or 图片新闻; a 图片新闻 needs `cover` and `coverAlt`. */
    type: z.enum(NEWS_TYPES, { error: `只能是 ${NEWS_TYPES.join(' 或 ')} / must be one of ${NEWS_TYPES.join(', ')}` }).default('文字新闻').meta(field('类型', '图片新闻必须有封面图和封面说明')),
    /** One-sentence summary for listings and feeds; derived from the body when absent. */
    summary: optionalText('摘要 summary').meta(field('摘要', '列表中显示的一句话；不填则取正文开头')),
    /** Cover picture: a path under public/ (`/images/…`) or an http(s) URL. Required for 图片新闻. */
    cover: optionalText('封面 cover').refine((value) => value === undefined || /^(\/(?!\/)|https?:\/\/)/.test(value), {
      error: '应以 / 或 http(s):// 开头 / must start with / (a file under public/) or http(s)://',
    })
      .meta(field('封面图', '图片新闻必填；JPEG、PNG、WebP、AVIF 或 GIF')),
    /** What the cover shows, for readers who cannot see it. Required with `cover`. */
    coverAlt: optionalText('封面说明 coverAlt').meta(field('封面说明', '用文字描述图片内容，有封面图时必填')),
    /** `true` keeps the article out of production builds; `npm run dev` still shows it. Default false. */
    draft: z
      .boolean({ error: '只能是 true 或 false / must be true or false' })
      .default(false)
      .meta(field('草稿', '打开后不发布')),
    /** Overrides the URL slug, which is otherwise the file name: lower-case a-z, 0-9 and `-`. */
    slug: z
      .string({ error: '应为文字 / must be text' })
      .refine(isUsableArticleSlug, {
        error: '只能包含小写字母、数字和连字符，不能全是数字或为 page / only a-z, 0-9 and single hyphens, not only digits, not "page"',
      })
      .optional()
      .meta(field('自定网址名', '一般不填；小写字母、数字和连字符，网址为 /news/网址名/')),
    /**
     * Where the article lived on the portal this site replaces (`npm run import` fills it in):
     * an `http(s)://` URL or a path. The build's `_redirects` file sends its path here with a
     * 301, so old links keep working; two articles may not claim the same one.
     */
    legacyUrl: optionalText('旧网址 legacyUrl').refine((value) => value === undefined || LEGACY_URL.test(value), {
      error: '应为 http(s):// 网址或以 / 开头的路径，不能有空格 / must be an http(s):// URL or a path starting with /, without spaces',
    })
      .meta(field('旧网址', '文章在旧网站上的地址，一般不填')),
    /** Free keywords shown on the article page. Default none. */
    tags: z
      .array(z.string({ error: '应为文字 / must be text' }).trim().min(1), {
        error: '应为列表 / must be a list, e.g. [招商引资, 项目建设]',
      })
      .default([])
      .meta(field('关键词', '如 招商引资、项目建设')),
  })
  .superRefine(
    (data, ctx) => {
      // Both are Dates unless one of them was reported above.
      if (data.updated instanceof Date && data.date instanceof Date && data.updated < data.date) {
        const [updated, date] = [formatDateTime(data.updated), formatDateTime(data.date)];
        ctx.addIssue({
          code: 'custom',
          path: ['updated'],
          message: `更新时间 ${updated} 早于发布时间 ${date} / updated (${updated}) is earlier than date (${date})`,
        });
      }
      if (data.type === '图片新闻' && !data.cover) {
        ctx.addIssue({ code: 'custom', path: ['cover'], message: '图片新闻必须有封面图 / a 图片新闻 needs a cover' });
      }
      if (data.cover && !data.coverAlt) {
        ctx.addIssue({
          code: 'custom',
          path: ['coverAlt'],
          message: '有封面图时必须写封面说明 / a cover needs coverAlt, a description of the picture',
        });
      }
    },
    // Also when another field is wrong, so that an editor sees every problem of the file at once
    // (Zod skips object refinements after a field's error by default).
    { when: (payload) => typeof payload.value === 'object' && payload.value !== null },
  );

/** The validated frontmatter, as pages see it (`date` and `updated` are Dates). */
export type ArticleData = z.output<typeof ArticleSchema>;
