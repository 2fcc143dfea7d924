import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { buildSite, hasPage, listFiles, page, tempDir, type BuildResult } from './helpers';

/**
 * An archive with news from cities whose names share their pinyin (泰州 and 台州, 苏州 and 宿州)
 * and their newspapers, a source with nothing to spell, a slug lock from an earlier build, and a
 * source pinned in the registry after it was published: every name must get a page of its own,
 * the lock must outrank the dates, and the pinned source's old URL must redirect, with the build
 * saying so.
 */

const REGISTRY = `regions:
  - name: 泰州
  - name: 台州
  - name: 苏州
  - name: 宿州
zones:
  - name: 泰州医药高新技术产业开发区
    region: 泰州
  - name: 台州湾经济技术开发区
    region: 台州
  - name: 苏州工业园区
    region: 苏州
  - name: 宿州经济技术开发区
    region: 宿州
sources:
  - name: 泰州日报
    slug: taizhou-daily
`;

// What an earlier build recorded: 台州 was published first, and 泰州日报 had the plain slug.
const LOCK = `regions:
  台州: taizhou
sources:
  泰州日报: taizhouribao
`;

const PLACES = {
  泰州: { zone: '泰州医药高新技术产业开发区', source: '泰州日报' },
  台州: { zone: '台州湾经济技术开发区', source: '台州日报' },
  苏州: { zone: '苏州工业园区', source: '苏州' },
  宿州: { zone: '宿州经济技术开发区', source: '宿州' },
} as const;

function article(region: keyof typeof PLACES, date: string, fields: Record<string, string> = {}): string {
  const all = { title: `${region}新闻 ${date}`, date, region, ...PLACES[region], ...fields };
  return ['---', ...Object.entries(all).map(([key, value]) => `${key}: ${value}`), '---', `${region}的新闻。`].join('\n');
}

let build: BuildResult;
let work: string;
let content: string;

beforeAll(() => {
  work = tempDir('slugs');
  content = join(work, 'news');
  mkdirSync(content, { recursive: true });
  writeFileSync(join(work, 'registry.yaml'), REGISTRY);
  writeFileSync(join(work, 'slugs.lock'), LOCK);
  // 泰州's article is the oldest: without the lock it would take the plain slug from 台州.
  writeFileSync(join(content, 'taizhou-a.md'), article('泰州', '2019-03-01'));
  writeFileSync(join(content, 'taizhou-b.md'), article('台州', '2023-03-01'));
  writeFileSync(join(content, 'suzhou-a.md'), article('苏州', '2022-01-01'));
  writeFileSync(join(content, 'suzhou-b.md'), article('宿州', '2022-06-01', { source: '🎉' }));
  writeFileSync(join(content, 'suzhou-c.md'), article('宿州', '2022-07-01'));
  build = buildSite(content, { work });
}, 300_000);

const heading = (path: string) => page(build.dist, path)('h1').text().trim();

describe('names that share their pinyin', () => {
  test('the build succeeds', () => {
    expect(build.status, build.output).toBe(0);
  });

  test('泰州 and 台州 have pages of their own; the lock outranks the dates', () => {
    expect(heading('/regions/taizhou/')).toContain('台州');
    expect(heading('/regions/taizhou-2/')).toContain('泰州');
  });

  test('苏州 and 宿州, as regions and as sources, have pages of their own', () => {
    expect(heading('/regions/suzhou/')).toContain('苏州');
    expect(heading('/regions/suzhou-2/')).toContain('宿州');
    expect(heading('/sources/suzhou/')).toContain('苏州');
    expect(heading('/sources/suzhou-2/')).toContain('宿州');
  });

  test('a source with nothing to spell gets its code points', () => {
    expect(heading('/sources/u1f389/')).toContain('🎉');
  });

  test('a pinned slug wins, and the old slug is never given to the homophone', () => {
    expect(heading('/sources/taizhou-daily/')).toContain('泰州日报');
    expect(heading('/sources/taizhouribao-2/')).toContain('台州日报');
    expect(hasPage(build.dist, '/sources/taizhouribao/')).toBe(false);
    // The article page links to its source's URL now.
    expect(page(build.dist, '/news/taizhou-a/')('a[href="/sources/taizhou-daily/"]').length).toBeGreaterThan(0);
  });

  test('the old URL of the pinned source redirects, its feed too, and the build says so', () => {
    const redirects = readFileSync(join(build.dist, '_redirects'), 'utf8').split('\n');
    expect(redirects).toContain('/sources/taizhouribao/ /sources/taizhou-daily/ 301');
    expect(redirects).toContain('/sources/taizhouribao/rss.xml /sources/taizhou-daily/rss.xml 301');
    expect(build.output).toContain(
      '网址变更 / URL moved: 来源 source“泰州日报”：taizhouribao -> taizhou-daily，旧网址跳转到新网址 / the old URL redirects to the new one',
    );
  });

  test('the build lists the names the lock does not record yet, with their lines', () => {
    expect(build.output).toMatch(/slugs\.lock does not record the slugs of \d+ name\(s\) yet: run npm run check and commit the file:/);
    expect(build.output).toContain('  地区 region 泰州: taizhou-2');
    expect(build.output).toContain('  来源 source 泰州日报: [taizhou-daily, taizhouribao]');
  });
});

describe('a homophone the lock does not record, added later', () => {
  test('may move an unrecorded name (the build said to record it), and the cached rebuild is byte-identical to a cold build', () => {
    // 苏州 and 宿州 as sources are not in the lock: an older 宿州 article now comes first by date.
    writeFileSync(join(content, 'suzhou-d.md'), article('宿州', '2018-01-01'));
    const rebuilt = buildSite(content, { work });
    expect(rebuilt.status, rebuilt.output).toBe(0);
    expect(page(rebuilt.dist, '/sources/suzhou/')('h1').text()).toContain('宿州');
    // 苏州's article did not change, but its page links to its source's new URL.
    expect(page(rebuilt.dist, '/news/suzhou-a/')('a[href="/sources/suzhou-2/"]').length).toBeGreaterThan(0);
    const cold = buildSite(content, { work: tempDir('slugs-cold') });
    expect(cold.status, cold.output).toBe(0);
    expect(listFiles(rebuilt.dist)).toEqual(listFiles(cold.dist));
    const different = listFiles(cold.dist).filter(
      (file) => !readFileSync(join(rebuilt.dist, file)).equals(readFileSync(join(cold.dist, file))),
    );
    expect(different).toEqual([]);
  }, 300_000);
});
