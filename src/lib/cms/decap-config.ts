import type { ZodType } from 'astro/zod';
import { recommendedPath } from '@/lib/content/article-writer';
import { ArticleSchema, LEGACY_URL, type FieldMeta } from '@/lib/content/schema';
import { ARTICLE_SLUG_PATTERN } from '@/lib/content/slugs';
import type { Registry } from '@/lib/content/registry-types';
import { NEWS_TYPES } from '@/lib/content/taxonomy';

/**
 * The configuration of the web editor at /admin/ (Decap CMS, docs/cms.md), generated on every
 * build from the one article schema (src/lib/content/schema.ts: fields, labels, help text,
 * required or not, defaults, patterns and their messages) and the registry (zone and region
 * choices). Nothing here restates a rule: what is presentation (which widget shows a field) is
 * listed per field, and a field of the schema without one, or one without a field, is an error,
 * so the form can never drift from the schema.
 */

/** A git host Decap reaches from the editor's browser; its authentication is the host's own. */
export interface CmsBackend {
  name: 'github' | 'gitlab' | 'gitea';
  /** `owner/name` on the host. */
  repo: string;
  branch: string;
  /** The host's API, for GitLab and Gitea on a server of one's own (`https://git.example.cn/api/v1`). */
  api_root?: string;
  /** The host's web address, for its OAuth pages (`https://git.example.cn`). */
  base_url?: string;
  /** The OAuth application's client id (GitLab and Gitea, PKCE: no secret is needed or kept). */
  app_id?: string;
  /** `pkce` for GitLab and Gitea. */
  auth_type?: 'pkce';
}

export interface CmsOptions {
  backend: CmsBackend;
  /** The news folder, relative to the repository's root (`content/news`). */
  contentDir: string;
  /** decap-server's API, used only when the editor is opened on localhost (docs/cms.md). */
  localProxy: string;
  /** The public site, for the editor's "view site" link. */
  siteUrl: string;
}

export type DecapField = Record<string, unknown> & { name: string; label: string; widget: string; required?: boolean };

type FieldName = keyof typeof ArticleSchema.shape;

/** The message the schema gives for a value, in Chinese then English: the form shows the same words. */
function schemaMessage(name: FieldName, badValue: unknown): string {
  const result = (ArticleSchema.shape[name] as ZodType).safeParse(badValue);
  if (result.success) throw new Error(`the schema accepts ${JSON.stringify(badValue)} for ${name}; the form's pattern would refuse it`);
  return result.error.issues[0].message;
}

/** Date and time as `npm run new` writes them (src/lib/content/dates.ts, Beijing time when no offset is written). */
const DATE_WIDGET = { widget: 'datetime', format: 'YYYY-MM-DD HH:mm', date_format: 'YYYY-MM-DD', time_format: 'HH:mm' };

/**
 * The largest picture the editor uploads: Cloudflare Pages serves no file above 25 MiB. The site
 * serves pictures as they are (no resizing), so docs/editors.md asks for JPEG, PNG or WebP of a
 * sensible size; Decap cannot limit the formats its picture field accepts (any `image/*`).
 */
export const MAX_PICTURE_BYTES = 25 * 1024 * 1024;

/** Decap's built-in picture library, per field (the cover, and pictures in the body). */
const PICTURE_LIBRARY = { config: { max_file_size: MAX_PICTURE_BYTES } };

/** How each field of the schema is shown: the widget and its options, nothing the schema already says. */
const WIDGETS: Record<FieldName, (registry: Registry) => Record<string, unknown>> = {
  title: () => ({ widget: 'string' }),
  date: () => DATE_WIDGET,
  updated: () => DATE_WIDGET,
  source: () => ({ widget: 'string' }),
  zone: (registry) => ({ widget: 'select', options: zoneOptions(registry) }),
  region: (registry) => ({ widget: 'select', options: [...registry.entries.region.keys()] }),
  type: () => ({ widget: 'select', options: [...NEWS_TYPES] }),
  summary: () => ({ widget: 'text' }),
  cover: () => ({ widget: 'image', choose_url: true, media_library: PICTURE_LIBRARY }),
  coverAlt: () => ({ widget: 'string' }),
  draft: () => ({ widget: 'boolean' }),
  slug: () => ({ widget: 'string', pattern: [ARTICLE_SLUG_PATTERN.source, schemaMessage('slug', 'Not A Slug')] }),
  legacyUrl: () => ({ widget: 'string', pattern: [LEGACY_URL.source, schemaMessage('legacyUrl', 'no spaces allowed')] }),
  tags: () => ({ widget: 'list', allow_add: true }),
};

/** Zones by their official names, grouped by region in the registry's order: `盐城 · 盐城经济技术开发区`. */
export function zoneOptions(registry: Registry): Array<{ label: string; value: string }> {
  const regions = [...registry.entries.region.keys()];
  return [...registry.entries.zone.values()]
    .map((zone, order) => ({ zone, order, region: regions.indexOf(zone.region ?? '') }))
    .sort((a, b) => a.region - b.region || a.order - b.order)
    .map(({ zone }) => ({ label: `${zone.region} · ${zone.name}`, value: zone.name }));
}

/** The form's fields, in the schema's order, then the body. */
export function decapFields(registry: Registry): DecapField[] {
  const shape = ArticleSchema.shape as Record<string, ZodType>;
  for (const name of Object.keys(WIDGETS)) if (!(name in shape)) throw new Error(`the CMS shows ${name}, which the schema does not have`);
  const fields = Object.entries(shape).map(([name, schema]): DecapField => {
    const widget = WIDGETS[name as FieldName] as ((registry: Registry) => Record<string, unknown>) | undefined;
    if (!widget) throw new Error(`the schema's field ${name} has no widget in the CMS (src/lib/cms/decap-config.ts)`);
    const meta = schema.meta() as FieldMeta | undefined;
    if (!meta?.title) throw new Error(`the schema's field ${name} has no label (.meta(field(…)) in src/lib/content/schema.ts)`);
    const empty = schema.safeParse(undefined);
    const fallback = empty.success && empty.data !== undefined ? { default: empty.data } : {};
    return {
      name,
      label: meta.title,
      hint: meta.description,
      required: !empty.success,
      widget: 'string',
      ...fallback,
      ...widget(registry),
    };
  });
  return [...fields, { name: 'body', label: '正文', widget: 'markdown', required: false, media_library: PICTURE_LIBRARY }];
}

/**
 * Where a new article goes, from the rule `npm run new` follows (recommendedPath:
 * `{year}/{yyyy-mm-dd}-{name}.md`), turned into Decap's templates: the day is the article's own
 * date as the form holds it (Beijing time in a browser set to it), the name its title. Decap
 * fills `{{year}}` of the folder with the day the file is created, which is the article's year
 * except for an article dated in another year: the folder is only for people browsing the files
 * (docs/editors.md), the URL comes from the file name.
 */
export function entryTemplates(): { path: string; slug: string } {
  const sample = recommendedPath(new Date('2099-11-22T12:00:00+08:00'), 'NAME');
  const match = /^2099\/2099-11-22-NAME\.md$/.exec(sample);
  if (!match) throw new Error(`recommendedPath writes ${sample}: update the CMS's templates (src/lib/cms/decap-config.ts) to match`);
  return { path: '{{year}}/{{slug}}', slug: "{{fields.date | date('YYYY-MM-DD')}}-{{fields.title}}" };
}

/**
 * An article's pictures go into one folder named like its file, as `npm run import` puts them:
 * public/images/{year}/{yyyy-mm-dd}-{title}/, written as /images/… (root-relative, which the check
 * and the build resolve under public/). Decap fills it from the form when a picture is uploaded,
 * so the title and the date come first (docs/editors.md).
 */
const PICTURES = "{{fields.date | date('YYYY')}}/{{fields.date | date('YYYY-MM-DD')}}-{{slug}}";

/** Commit messages in the editors' words; `{{slug}}` is the file, `{{path}}` a picture. */
const COMMIT_MESSAGES = {
  create: '新建文章 {{slug}}',
  update: '修改文章 {{slug}}',
  delete: '删除文章 {{slug}}',
  uploadMedia: '上传图片 {{path}}',
  deleteMedia: '删除图片 {{path}}',
};

/** The whole configuration (Decap reads it as YAML; JSON is YAML). */
export function decapConfig(registry: Registry, options: CmsOptions): Record<string, unknown> {
  const { path, slug } = entryTemplates();
  const proxy = new URL(options.localProxy);
  return {
    backend: { ...options.backend, commit_messages: COMMIT_MESSAGES },
    local_backend: { url: options.localProxy, allowed_hosts: [proxy.hostname] },
    locale: 'zh_Hans',
    site_url: options.siteUrl,
    display_url: options.siteUrl,
    // Pictures chosen outside an article (the media page) go to public/images/ itself.
    media_folder: 'public/images',
    public_folder: '/images',
    collections: [
      {
        name: 'news',
        label: '新闻',
        label_singular: '新闻',
        description: '保存后即提交到仓库；网站下一次构建时发布（草稿和定时发布的除外）。',
        folder: options.contentDir,
        create: true,
        delete: true,
        extension: 'md',
        format: 'frontmatter',
        identifier_field: 'title',
        summary: "{{fields.date | date('YYYY-MM-DD')}} · {{fields.title}}",
        sortable_fields: ['date', 'title', 'zone'],
        view_filters: [{ label: '草稿', field: 'draft', pattern: true }],
        path,
        slug,
        media_folder: `/public/images/${PICTURES}`,
        public_folder: `/images/${PICTURES}`,
        fields: decapFields(registry),
      },
    ],
  };
}

/** The origins the editor's page talks to: the git host's API and, on localhost, decap-server. */
export function backendOrigins(options: CmsOptions): string[] {
  const { backend } = options;
  const api =
    backend.api_root ??
    (backend.name === 'github' ? 'https://api.github.com' : backend.name === 'gitlab' ? 'https://gitlab.com/api/v4' : undefined);
  if (!api) throw new Error(`the ${backend.name} backend needs api_root (its server's API, e.g. https://git.example.cn/api/v1)`);
  return [...new Set([new URL(api).origin, new URL(options.localProxy).origin])];
}
