import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { describe, expect, test } from 'vitest';
import { load } from 'cheerio';
import { readShard } from '@/lib/search/merge-bundle';
import { pagefindData, readChunk } from '@/lib/search/merge-index';
import { htmlToText, searchDocument, searchRecord, SEARCH_LANGUAGE } from '@/lib/search/records';
import { decodeTokens, indexTokens } from '@/lib/search/tokens';
import { article } from '../helpers';

const cover = article('2023/yancheng', {
  title: '盐城经开区"12个"项目开工 & 签约',
  at: '2023-04-07T09:30:00+08:00',
  type: '图片新闻',
  cover: '/images/covers/cover-01.svg',
  coverAlt: '开工现场',
});

describe('searchRecord', () => {
  const record = searchRecord(cover, '<p>第一段&amp;更多</p><ul><li>一</li><li>二</li></ul><table><tr><td>甲</td><td>乙</td></tr></table>');

  test('carries what results show and filter on, as pages name it', () => {
    expect(record).toMatchObject({
      url: '/news/yancheng/',
      date: '2023-04-07',
      sortKey: '2023-04-07T09:30:00+08:00',
      zone: '盐城经济技术开发区',
      region: '盐城',
      type: '图片新闻',
      year: '2023',
      image: '/images/covers/cover-01.svg',
      imageAlt: '开工现场',
      metaLine: '发布时间 2023-04-07 09:30 来源 盐城经济技术开发区管委会 发布开发区 盐城经济技术开发区 地区 盐城',
    });
  });

  test('the body as text, one block a line, entities decoded', () => {
    expect(record.body.split('\n')).toEqual(['第一段&更多', '一', '二', '甲 乙']);
  });

  test('no cover, no image', () => {
    expect(searchRecord(article('2023/plain'), '<p>正文</p>')).toMatchObject({ image: undefined, imageAlt: undefined });
  });
});

describe('htmlToText', () => {
  test('block elements end lines, so words of two paragraphs never join', () => {
    expect(htmlToText('<h2>标题</h2><p>开发区</p><p>产业<br>集群</p>')).toBe('标题\n开发区\n产业\n集群');
  });
});

describe('searchDocument', () => {
  const record = searchRecord(cover, '<p>招商引资</p>');
  const $ = load(searchDocument(record));

  test("is filed under the language without a segmenter; filters and order are not Pagefind's", () => {
    expect($('html').attr('lang')).toBe(SEARCH_LANGUAGE);
    // The search page filters, counts and ranks with the page tables (src/lib/search/ranking.ts).
    expect($('[data-pagefind-filter], [data-pagefind-sort], [data-pagefind-weight]').length).toBe(0);
    // The title comes first: a match in it is known by its position.
    expect($('body').children().first().is('h1')).toBe(true);
  });

  test('metadata is plain text, escaped', () => {
    const value = (attribute: string, key: string) => $(`meta[${attribute}="${key}[content]"]`).attr('content');
    expect(value('data-pagefind-meta', 'title')).toBe(cover.title);
    expect(value('data-pagefind-meta', 'image')).toBe('/images/covers/cover-01.svg');
    expect(value('data-pagefind-meta', 'zone')).toBe('盐城经济技术开发区');
  });

  test('the text is tokens that decode to title, meta line and body', () => {
    const words = $('body').text().trim().split(/\s+/).join(' ');
    expect(words).not.toMatch(/\p{Script=Han}/u);
    expect(decodeTokens(words)).toBe(`${cover.title} ${record.metaLine} 招商引资`);
  });

  test('Pagefind indexes the tokens and nothing else: no block ends in a word it would split', async () => {
    // Pagefind's HTML reader splits the last word of an element at letters and digits when no
    // space follows it (q6oag0l would also give oag), a word no query has.
    const plain = { ...searchRecord(article('2023/plain'), '<p>合肥高新区</p>'), title: '合肥', metaLine: '盐城' };
    const out = mkdtempSync(join(tmpdir(), 'devzone-records-'));
    try {
      const { index } = await pagefind.createIndex({});
      if (!index) throw new Error('no index');
      expect((await index.addHTMLFile({ url: plain.url, content: searchDocument(plain) })).errors).toEqual([]);
      expect((await index.writeFiles({ outputPath: out })).errors).toEqual([]);
      const { meta } = await readShard(out);
      const words = meta.chunks.flatMap(({ hash }) => {
        const file = join(out, 'index', `${hash}.pf_index`);
        return readChunk(pagefindData(readFileSync(file), file)).map(({ word }) => word);
      });
      // Pagefind also indexes the metadata's words (the title as written, the date's numbers):
      // the check is on the words made of token characters that are not numbers.
      const tokenLike = (word: string) => /^[0-9a-z]+$/.test(word) && !/^\d+$/.test(word);
      expect(words.filter(tokenLike).sort()).toEqual([...new Set(indexTokens('合肥 盐城 合肥高新区'))].filter(tokenLike).sort());
    } finally {
      await pagefind.close();
      rmSync(out, { recursive: true, force: true });
    }
  });
});
