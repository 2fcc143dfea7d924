import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { backendOrigins, decapConfig, decapFields, entryTemplates, zoneOptions, type CmsOptions } from '@/lib/cms/decap-config';
import { recommendedPath } from '@/lib/content/article-writer';
import { ArticleSchema } from '@/lib/content/schema';
import { parseRegistry } from '@/lib/content/registry';
import { NEWS_TYPES } from '@/lib/content/taxonomy';
import { ARTICLE_FIELDS } from '../helpers';

const REGISTRY = parseRegistry('content/registry.yaml', readFileSync('content/registry.yaml', 'utf8')).registry;
const OPTIONS: CmsOptions = {
  backend: { name: 'github', repo: 'owner/site', branch: 'main' },
  contentDir: 'content/news',
  localProxy: 'http://localhost:8081/api/v1',
  siteUrl: 'https://news.example.org/',
};
const fields = decapFields(REGISTRY);
const byName = new Map(fields.map((field) => [field.name, field]));

describe('the form has the schema fields', () => {
  test('every field of the schema, in its order, then the body, each with its Chinese label and help text', () => {
    expect(fields.map((field) => field.name)).toEqual([...Object.keys(ArticleSchema.shape), 'body']);
    for (const field of fields.slice(0, -1)) {
      expect(field.label).toMatch(/\p{Script=Han}/u);
      expect(field.hint).toMatch(/\p{Script=Han}/u);
    }
    expect(byName.get('title')?.label).toBe('标题');
  });

  test('a field is required exactly when the schema refuses a file without it', () => {
    for (const field of fields.slice(0, -1)) {
      const without = Object.fromEntries(Object.entries(ARTICLE_FIELDS).filter(([name]) => name !== field.name));
      const refused = !ArticleSchema.safeParse(without).success;
      expect(field.required, field.name).toBe(refused);
    }
    expect(fields.filter((field) => field.required).map((field) => field.name)).toEqual(['title', 'date', 'source', 'zone', 'region']);
  });

  test('defaults are the schema defaults: 文字新闻, not a draft', () => {
    expect(byName.get('type')).toMatchObject({ widget: 'select', options: [...NEWS_TYPES], default: '文字新闻' });
    expect(byName.get('draft')).toMatchObject({ widget: 'boolean', default: false });
  });

  test('patterns refuse what the schema refuses, with the schema message', () => {
    for (const name of ['slug', 'legacyUrl'] as const) {
      const [pattern, message] = byName.get(name)?.pattern as [string, string];
      for (const value of ['page', '2023', 'Abc', 'a--b', 'ok-slug', '/old/page.html', 'http://x.cn/a b', 'https://x.cn/a']) {
        const form = new RegExp(pattern).test(value);
        const schema = ArticleSchema.shape[name].safeParse(value).success;
        expect(form, `${name}: ${value}`).toBe(schema);
      }
      expect(message).toMatch(/\p{Script=Han}/u);
    }
  });

  test('dates are written as npm run new writes them, which the schema reads as Beijing time', () => {
    expect(byName.get('date')).toMatchObject({ widget: 'datetime', format: 'YYYY-MM-DD HH:mm' });
    const parsed = ArticleSchema.shape.date.parse('2023-04-07 09:30');
    expect(parsed.toISOString()).toBe('2023-04-07T01:30:00.000Z');
  });
});

describe('zone and region choices come from the registry', () => {
  test('every zone by its official name, grouped by region in the registry order', () => {
    const options = zoneOptions(REGISTRY);
    expect(options.map((option) => option.value).sort()).toEqual([...REGISTRY.entries.zone.keys()].sort());
    const regions = [...REGISTRY.entries.region.keys()];
    const order = options.map((option) => regions.indexOf(REGISTRY.entries.zone.get(option.value)?.region ?? ''));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(options[0]).toEqual({ label: '盐城 · 盐城经济技术开发区', value: '盐城经济技术开发区' });
    expect(byName.get('region')?.options).toEqual(regions);
  });

  test('a zone added to the registry is a choice on the next build', () => {
    const text = `${readFileSync('content/registry.yaml', 'utf8')}\n  - name: 测试新区\n    region: 南京\n`;
    const registry = parseRegistry('content/registry.yaml', text).registry;
    expect(zoneOptions(registry)).toContainEqual({ label: '南京 · 测试新区', value: '测试新区' });
  });
});

describe('files and pictures go where npm run new and npm run import put them', () => {
  test('the templates give recommendedPath for the same day and name', () => {
    const { path, slug } = entryTemplates();
    const date = new Date('2023-04-07T09:30:00+08:00');
    // What Decap does: the date filter in the browser's (Beijing) time, {{year}} of the creation day.
    const name = slug.replace("{{fields.date | date('YYYY-MM-DD')}}", '2023-04-07').replace('{{fields.title}}', 'qianyue');
    expect(`${path.replace('{{year}}', '2023').replace('{{slug}}', name)}.md`).toBe(recommendedPath(date, 'qianyue'));
  });

  test('pictures go under public/images/{year}/{the article file name}/ and are written as /images/… paths', () => {
    const [collection] = decapConfig(REGISTRY, OPTIONS).collections as Array<Record<string, unknown>>;
    for (const name of ['cover', 'body'])
      expect(byName.get(name)?.media_library, name).toEqual({ config: { max_file_size: 25 * 1024 * 1024 } });
    expect(collection).toMatchObject({
      folder: 'content/news',
      extension: 'md',
      format: 'frontmatter',
      media_folder: "/public/images/{{fields.date | date('YYYY')}}/{{fields.date | date('YYYY-MM-DD')}}-{{slug}}",
      public_folder: "/images/{{fields.date | date('YYYY')}}/{{fields.date | date('YYYY-MM-DD')}}-{{slug}}",
    });
  });
});

describe('the configuration', () => {
  test('is YAML Decap reads: Chinese interface, the site backend, the local proxy only on its own host', () => {
    const config = parse(JSON.stringify(decapConfig(REGISTRY, OPTIONS))) as Record<string, unknown>;
    expect(config).toMatchObject({
      locale: 'zh_Hans',
      backend: { name: 'github', repo: 'owner/site', branch: 'main' },
      local_backend: { url: 'http://localhost:8081/api/v1', allowed_hosts: ['localhost'] },
    });
    expect(JSON.stringify(config)).not.toMatch(/secret|token/i);
  });

  test('the page may connect to the git host API and the local proxy, nothing else', () => {
    expect(backendOrigins(OPTIONS)).toEqual(['https://api.github.com', 'http://localhost:8081']);
    const gitea = {
      ...OPTIONS,
      backend: { name: 'gitea' as const, repo: 'a/b', branch: 'main', api_root: 'https://git.example.cn/api/v1' },
    };
    expect(backendOrigins(gitea)).toEqual(['https://git.example.cn', 'http://localhost:8081']);
    expect(() => backendOrigins({ ...gitea, backend: { ...gitea.backend, api_root: undefined } })).toThrow(/api_root/);
  });
});
