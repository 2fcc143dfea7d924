import { describe, expect, test } from 'vitest';
import { ArticleSchema } from '@/lib/content/schema';
import { ARTICLE_FIELDS } from '../helpers';

/** The frontmatter rules an editor can get wrong in one field, by that field. */


const parse = (fields: Record<string, unknown>) => ArticleSchema.safeParse({ ...ARTICLE_FIELDS, ...fields });
const issues = (fields: Record<string, unknown>) =>
  (parse(fields).error?.issues ?? []).map(({ path, message }) => ({ field: path.join('.'), message }));

describe('updated', () => {
  test('is optional', () => {
    expect(parse({}).data?.updated).toBeUndefined();
  });

  test('takes the forms of date, in Beijing time unless an offset is written', () => {
    expect(parse({ updated: '2023-04-08' }).data?.updated).toEqual(new Date('2023-04-08T00:00:00+08:00'));
    expect(parse({ updated: '2023-04-08 10:15' }).data?.updated).toEqual(new Date('2023-04-08T10:15:00+08:00'));
    expect(parse({ updated: '2023-04-08T02:15:00Z' }).data?.updated).toEqual(new Date('2023-04-08T10:15:00+08:00'));
  });

  test('may equal date', () => {
    expect(parse({ updated: '2023-04-07 09:30' }).success).toBe(true);
  });

  test('earlier than date is an error on updated that names both times', () => {
    expect(issues({ updated: '2023-04-07 09:29' })).toEqual([
      {
        field: 'updated',
        message: '更新时间 2023-04-07 09:29 早于发布时间 2023-04-07 09:30 / updated (2023-04-07 09:29) is earlier than date (2023-04-07 09:30)',
      },
    ]);
  });

  test('is compared as an instant: an offset can make a later-looking time earlier', () => {
    expect(issues({ updated: '2023-04-07T09:00:00Z' })).toEqual([]);
    expect(issues({ updated: '2023-04-07T09:30:00+09:00' }).map(({ field }) => field)).toEqual(['updated']);
  });

  test('an impossible or unreadable time is reported like a bad date', () => {
    expect(issues({ updated: '2023-02-30' })).toEqual([{ field: 'updated', message: '日期不存在：2023-02-30 / no such date or time: 2023-02-30' }]);
    expect(issues({ updated: '昨天' })[0].message).toMatch(/^日期格式无法识别：昨天/);
  });

  test('an empty value is not a date, not a missing required field', () => {
    expect(issues({ updated: null })).toEqual([
      { field: 'updated', message: '应为日期文字，如 2023-04-07 09:30 / must be a date written like 2023-04-07 09:30' },
    ]);
  });

  test('a bad date is reported alone, without a comparison', () => {
    expect(issues({ date: '2023-02-30', updated: '2023-04-08' }).map(({ field }) => field)).toEqual(['date']);
  });
});
