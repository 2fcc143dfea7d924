import { describe, expect, test } from 'vitest';
import { formatProblem } from '@/lib/content/problems';
import { parseRegistry, registryFileFor } from '@/lib/content/registry';
import { resolveName, suggestName } from '@/lib/content/registry-names';

const FILE = 'content/registry.yaml';
const SAMPLE = `regions:
  - name: 盐城
    short: [盐城市]
  - name: 苏州
zones:
  - name: 盐城经济技术开发区
    region: 盐城
    short: [盐城经开区]
    former: [盐城经济开发区]
  - name: 盐城高新技术产业开发区
    region: 盐城
    short: 盐城高新区
  - name: 苏州工业园区
    region: 苏州
    short: [园区]
    slug: sip
`;

function registry(text = SAMPLE) {
  const { registry, problems } = parseRegistry(FILE, text);
  expect(problems.map(formatProblem)).toEqual([]);
  return registry;
}

function problems(text: string): string[] {
  return parseRegistry(FILE, text).problems.map(formatProblem);
}

describe('registry names', () => {
  test('official, short and former names all resolve to the official name', () => {
    const reg = registry();
    expect(resolveName(reg, 'zone', '盐城经济技术开发区')).toEqual({ ok: true, name: '盐城经济技术开发区' });
    expect(resolveName(reg, 'zone', '盐城经开区')).toEqual({ ok: true, name: '盐城经济技术开发区' });
    expect(resolveName(reg, 'zone', '盐城经济开发区')).toEqual({ ok: true, name: '盐城经济技术开发区' });
    expect(resolveName(reg, 'zone', '园区')).toEqual({ ok: true, name: '苏州工业园区' });
    expect(resolveName(reg, 'zone', '盐城高新区')).toEqual({ ok: true, name: '盐城高新技术产业开发区' });
    expect(resolveName(reg, 'region', '盐城市')).toEqual({ ok: true, name: '盐城' });
  });

  test('spaces and full-width letters do not matter', () => {
    expect(resolveName(registry(), 'zone', ' 盐城 经开区 ')).toEqual({ ok: true, name: '盐城经济技术开发区' });
  });

  test('a zone name is not a region name', () => {
    expect(resolveName(registry(), 'region', '盐城经开区').ok).toBe(false);
  });

  test('slug overrides are kept per kind', () => {
    expect(registry().slugs.zone?.get('苏州工业园区')).toBe('sip');
  });

  test('the registry lives beside the news folder', () => {
    expect(registryFileFor('content/news')).toBe('content/registry.yaml');
  });
});

describe('did you mean', () => {
  const reg = registry();
  const suggest = (name: string, kind: 'zone' | 'region' = 'zone') => resolveName(reg, kind, name);

  test('a made-up short name suggests the zone it shares the place name and most characters with', () => {
    expect(suggest('盐城开发区')).toEqual({ ok: false, suggestion: '盐城经济技术开发区' });
    expect(suggest('盐城高新技术开发区')).toEqual({ ok: false, suggestion: '盐城高新技术产业开发区' });
  });

  test('a typo of one character is found, in long and in two-character names', () => {
    expect(suggest('苏洲工业园区')).toEqual({ ok: false, suggestion: '苏州工业园区' });
    expect(suggest('盐成', 'region')).toEqual({ ok: false, suggestion: '盐城' });
  });

  test('sharing only generic words such as 开发区 suggests nothing', () => {
    expect(suggest('金华经济技术开发区')).toEqual({ ok: false, suggestion: undefined });
    expect(suggestName('南京', new Map([['盐城', '盐城']]))).toBeUndefined();
  });
});

describe('registry problems', () => {
  test('a YAML syntax error gives its line', () => {
    expect(problems('regions:\n  - name: [盐城\nzones: []\n')[0]).toMatch(/^content\/registry\.yaml:\d: YAML 语法错误/);
  });

  test('a zone needs a region that is listed under regions', () => {
    expect(problems('regions:\n  - name: 盐城\nzones:\n  - name: 南京经济技术开发区\n    region: 南京\n  - name: 盐城高新区\n')).toEqual([
      `${FILE}:6: region: 开发区“盐城高新区”缺少所属地区 / the zone "盐城高新区" needs its region`,
      `${FILE}:4: region: 地区“南京”不在名录的 regions 中，请先在 regions 中列出 / the region "南京" is not under regions: list it under regions first`,
    ]);
  });

  test('a name claimed by two zones is ambiguous', () => {
    const found = problems(`${SAMPLE}  - name: 昆山经济技术开发区\n    region: 苏州\n    short: [园区]\n`);
    expect(found).toEqual([
      `${FILE}:19: short: 名称“园区”同时属于“苏州工业园区”和“昆山经济技术开发区”，无法判断 / the name "园区" belongs to both "苏州工业园区" and "昆山经济技术开发区" (开发区 zone)`,
    ]);
  });

  test('two names with one pinyin are no problem: each gets its own slug (slug-assign)', () => {
    expect(problems('regions:\n  - name: 泰州\n  - name: 台州\nzones: []\n')).toEqual([]);
  });

  test('two names pinned to one slug are reported at the second slug line', () => {
    expect(problems('regions:\n  - name: 泰州\n    slug: taizhou\n  - name: 台州\n    slug: taizhou\nzones: []\n')).toEqual([
      `${FILE}:5: slug: “台州”与第 2 行的“泰州”写了同一个 slug（taizhou），请改掉其中一个 / "台州" and "泰州" (line 2) are both given the slug "taizhou": change one of them (地区 region)`,
    ]);
  });

  test('a source may be listed to pin its slug, and needs one', () => {
    const reg = registry(`${SAMPLE}sources:\n  - name: 泰州日报\n    slug: taizhou-daily\n`);
    expect(reg.slugs.source?.get('泰州日报')).toBe('taizhou-daily');
    expect(problems(`${SAMPLE}sources:\n  - name: 台州日报\n    short: [台报]\n`)).toEqual([
      `${FILE}:19: short: 未知字段，可用 name、slug / unknown field; use name, slug`,
      `${FILE}:18: slug: 来源“台州日报”只为写明网址名而列出，缺少 slug / the source "台州日报" is listed to pin its URL name: slug is missing`,
    ]);
  });

  test('unknown fields and bad slugs are named', () => {
    expect(problems('regions:\n  - name: 盐城\n    shortname: [盐城市]\n    slug: Yan Cheng\nzones: []\n')).toEqual([
      `${FILE}:3: shortname: 未知字段，可用 name、short、former、slug / unknown field; use name, short, former, slug`,
      `${FILE}:4: slug: 只能包含小写字母、数字和连字符 / only a-z, 0-9 and single hyphens`,
    ]);
  });

  test('a name listed twice is reported with the first line', () => {
    expect(problems('regions:\n  - name: 盐城\n  - name: 盐城\nzones: []\n')).toEqual([
      `${FILE}:3: name: “盐城”在第 2 行已列出 / "盐城" is already listed on line 2 (地区 region)`,
    ]);
  });
});
