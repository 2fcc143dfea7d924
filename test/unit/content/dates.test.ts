import { describe, expect, test } from 'vitest';
import { beijingYear, formatDate, formatDateTime, parseArticleDate, toBeijingIso, toRfc822 } from '@/lib/content/dates';

function parse(text: string): Date {
  const result = parseArticleDate(text);
  if (!result.ok) throw new Error(`expected ${text} to parse, got ${result.reason}`);
  return result.date;
}

describe('parseArticleDate', () => {
  test('a bare day is midnight in Beijing', () => {
    expect(parse('2023-04-07').toISOString()).toBe('2023-04-06T16:00:00.000Z');
  });

  test('a day and time without offset is Beijing wall-clock time', () => {
    expect(parse('2023-04-07 09:30').toISOString()).toBe('2023-04-07T01:30:00.000Z');
    expect(parse('2023-04-07T09:30:15').toISOString()).toBe('2023-04-07T01:30:15.000Z');
  });

  test('an explicit offset is honoured', () => {
    expect(parse('2023-04-07T09:30:00Z').toISOString()).toBe('2023-04-07T09:30:00.000Z');
    expect(parse('2023-04-07T09:30:00-05:00').toISOString()).toBe('2023-04-07T14:30:00.000Z');
    expect(parse('2023-04-07 09:30 +0800').toISOString()).toBe('2023-04-07T01:30:00.000Z');
  });

  test('impossible calendar dates and times are refused, not rolled over', () => {
    for (const text of ['2023-02-29', '2023-02-30', '2023-13-01', '2023-04-31', '2023-00-10', '2023-04-07 24:00', '2023-04-07 09:60']) {
      expect(parseArticleDate(text)).toEqual({ ok: false, reason: 'impossible' });
    }
    expect(parse('2024-02-29').toISOString()).toBe('2024-02-28T16:00:00.000Z');
    expect(parseArticleDate('2023-04-07T09:30:00+08:99')).toEqual({ ok: false, reason: 'impossible' });
  });

  test('years before 100 are taken as written, not as 19xx', () => {
    expect(parse('0099-06-01T00:00:00Z').getUTCFullYear()).toBe(99);
  });

  test('other shapes are a format error', () => {
    for (const text of ['2023/04/07', '07-04-2023', '2023-4-7', 'yesterday', '', '2023-04-07 9:30']) {
      expect(parseArticleDate(text)).toEqual({ ok: false, reason: 'format' });
    }
  });
});

describe('formatting in Beijing time', () => {
  // 2022-12-31 16:30 UTC is already 2023-01-01 00:30 in Beijing.
  const newYear = new Date('2022-12-31T16:30:00Z');

  test('days, times and years are Beijing ones', () => {
    expect(formatDate(newYear)).toBe('2023-01-01');
    expect(formatDateTime(newYear)).toBe('2023-01-01 00:30');
    expect(beijingYear(newYear)).toBe(2023);
  });

  test('midnight shows the day only', () => {
    expect(formatDateTime(parse('2023-04-07'))).toBe('2023-04-07');
  });

  test('ISO strings carry +08:00, never Z', () => {
    expect(toBeijingIso(newYear)).toBe('2023-01-01T00:30:00+08:00');
  });

  test('the result does not depend on the process time zone', () => {
    const original = process.env.TZ;
    try {
      process.env.TZ = 'America/Los_Angeles';
      expect(formatDateTime(newYear)).toBe('2023-01-01 00:30');
      expect(parse('2023-04-07 09:30').toISOString()).toBe('2023-04-07T01:30:00.000Z');
    } finally {
      process.env.TZ = original;
    }
  });
});

describe('toRfc822', () => {
  test('writes the Beijing wall clock with +0800, the weekday of that Beijing day', () => {
    expect(toRfc822(new Date('2023-04-07T01:30:00Z'))).toBe('Fri, 07 Apr 2023 09:30:00 +0800');
    // 23:30 UTC on a Saturday is already Sunday in Beijing.
    expect(toRfc822(new Date('2022-12-31T16:30:00Z'))).toBe('Sun, 01 Jan 2023 00:30:00 +0800');
  });

  test('names the same instant as the date it was given', () => {
    const date = new Date('2024-02-29T15:59:59Z');
    expect(new Date(toRfc822(date)).getTime()).toBe(date.getTime());
  });
});
