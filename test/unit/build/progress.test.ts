import { describe, expect, test } from 'vitest';
import { formatDuration, formatProgress, formatRate, startProgress, type ProgressOptions } from '@/lib/build/progress';

const CLEAR = '\r\x1b[2K';

/** A progress on a fake clock, with everything it writes and logs kept. */
function fake(options: Partial<ProgressOptions> & { tty: boolean }) {
  let clock = 5000;
  const written: string[] = [];
  const logged: string[] = [];
  const progress = startProgress({
    label: 'articles rendered',
    total: 10_000,
    now: () => clock,
    write: (text) => written.push(text),
    log: (line) => logged.push(line),
    ...options,
  });
  /** Moves the clock to `ms` after the start, then ticks `n`. */
  const at = (ms: number, n = 1) => {
    clock = 5000 + ms;
    progress.tick(n);
  };
  return { progress, written, logged, at };
}

describe('formatProgress', () => {
  test('count, total, rate and time left', () => {
    expect(formatProgress('articles', 1234, 10_000, 812)).toBe('1,234 / 10,000 articles · 812/s · 11 s left');
  });

  test('no rate or time left before anything is done', () => {
    expect(formatProgress('files read', 0, 300, 0)).toBe('0 / 300 files read');
  });

  test('slow rates keep a decimal, long waits read in minutes and hours', () => {
    expect(formatRate(0.44)).toBe('0.4/s');
    expect(formatRate(12_345.6)).toBe('12,346/s');
    expect(formatDuration(59.2)).toBe('1 min');
    expect(formatDuration(42)).toBe('42 s');
    expect(formatDuration(185)).toBe('3 min 5 s');
    expect(formatDuration(3840)).toBe('1 h 4 min');
  });
});

describe('startProgress without a terminal', () => {
  test('prints nothing for work that ends within the first interval', () => {
    const { progress, written, logged, at } = fake({ tty: false });
    for (let ms = 0; ms < 10_000; ms += 100) at(ms, 100);
    progress.done();
    expect(logged).toEqual([]);
    expect(written).toEqual([]);
  });

  test('one plain line at most every interval, with the rate and time left', () => {
    const { logged, at } = fake({ tty: false });
    at(9_999, 999);
    at(10_000, 1); // 1,000 in 10 s
    at(15_000, 1000);
    at(19_999, 500);
    at(20_000, 500); // 3,000 in 20 s
    expect(logged).toEqual([
      '1,000 / 10,000 articles rendered · 100/s · 1 min 30 s left',
      '3,000 / 10,000 articles rendered · 150/s · 47 s left',
    ]);
  });

  test('honours a shorter interval and plain lines go to write when there is no log', () => {
    const written: string[] = [];
    let clock = 0;
    const progress = startProgress({
      label: 'files read',
      total: 4,
      now: () => clock,
      write: (text) => written.push(text),
      tty: false,
      interval: 2000,
    });
    clock = 2000;
    progress.tick(2);
    progress.done();
    expect(written).toEqual(['2 / 4 files read · 1.0/s · 2 s left\n']);
  });

  test('work done before the start counts in the total, not in the rate', () => {
    const { logged, at } = fake({ tty: false, initial: 4000 });
    at(10_000, 1000);
    expect(logged).toEqual(['5,000 / 10,000 articles rendered · 100/s · 50 s left']);
  });
});

describe('startProgress on a terminal', () => {
  test('rewrites one line, first after four seconds, then at most four times a second', () => {
    const { written, logged, at } = fake({ tty: true });
    at(3999, 70);
    expect(written).toEqual([]);
    at(4000, 10); // 80 in 4 s
    at(4100, 10);
    at(4249, 10);
    at(4250, 70); // 170 in 4.25 s
    expect(written).toEqual([
      `${CLEAR}80 / 10,000 articles rendered · 20/s · 8 min 16 s left\r`,
      `${CLEAR}170 / 10,000 articles rendered · 40/s · 4 min 6 s left\r`,
    ]);
    expect(logged).toEqual([]);
  });

  test('done() clears the live line once, and later ticks print nothing', () => {
    const { progress, written, at } = fake({ tty: true });
    at(4000, 100);
    progress.done();
    progress.done();
    at(9000, 100);
    expect(written).toHaveLength(2);
    expect(written[1]).toBe(CLEAR);
  });

  test('done() writes nothing when no line was drawn', () => {
    const { progress, written, at } = fake({ tty: true });
    at(3999, 10_000);
    progress.done();
    expect(written).toEqual([]);
  });
});
