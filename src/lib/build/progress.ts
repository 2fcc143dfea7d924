/**
 * Progress of a long piece of build work (the content sync's rendering, the search index, the
 * audit), so that a slow build and a stuck one look different while they run:
 * - on a terminal (stderr is a TTY), one live line on stderr, rewritten in place at most four
 *   times a second once the work has run four seconds, and cleared by `done()`, so the log that
 *   stays is the one each stage prints when it ends;
 * - otherwise (CI, a piped build), a plain line through `log` (Astro's logger, where there is
 *   one) at most every `interval` ms, and none for work that ends within the first interval.
 *
 * Nothing here is switched off for tests: the build tests run `astro build` in a child process
 * with piped output, so they get the plain lines, and their fixtures finish each stage well
 * within ten seconds, so they get none. A test-only switch would leave the CI path untested.
 * Lines follow ticks, not a timer: a stage that stops ticking stops printing.
 *
 * Written here rather than taken from a library (cli-progress and the like): none takes the
 * clock as an argument, and they bring bars, colours and timers this does not need.
 */

export interface ProgressOptions {
  /** What is counted, after the numbers: "articles rendered". */
  label: string;
  total: number;
  /** Already done when this starts: shown in the count, left out of the rate. */
  initial?: number;
  /** The terminal stream (the live line), by default process.stderr. */
  write?: (text: string) => void;
  /** A plain line, without its newline; by default `write`s it with one. */
  log?: (line: string) => void;
  /** Milliseconds, from any origin; by default performance.now(). */
  now?: () => number;
  /** Whether `write` is a terminal that can rewrite a line; by default stderr's, unless TERM=dumb. */
  tty?: boolean;
  /** Milliseconds between plain lines, and before the first (default 10,000). */
  interval?: number;
}

export interface Progress {
  tick(n?: number): void;
  /** Clears the live line; later ticks print nothing. */
  done(): void;
}

/**
 * The live line: first drawn after this long, then redrawn at most this often. Astro logs
 * "Waiting for integration …" once, three seconds into a hook that has not returned (the search
 * index's and the audit's do the work this reports): starting after it keeps that line whole.
 */
export const LIVE_AFTER = 4000;
export const LIVE_EVERY = 250;
export const PLAIN_EVERY = 10_000;

/** Moves to the start of the line and erases it. */
const CLEAR = '\r\x1b[2K';

const count = (n: number) => Math.round(n).toLocaleString('en-US');

/** "812/s", or "0.4/s" below ten a second. */
export function formatRate(perSecond: number): string {
  return `${perSecond >= 10 ? count(perSecond) : perSecond.toFixed(1)}/s`;
}

/** "11 s", "1 min", "3 min 5 s", "1 h 4 min". */
export function formatDuration(seconds: number): string {
  const s = Math.ceil(seconds);
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min${s % 60 ? ` ${s % 60} s` : ''}`;
  return `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`;
}

/** "1,234 / 10,000 articles rendered · 812/s · 11 s left", the rate once there is one. */
export function formatProgress(label: string, done: number, total: number, perSecond: number): string {
  const line = `${count(done)} / ${count(total)} ${label}`;
  if (!(perSecond > 0)) return line;
  return `${line} · ${formatRate(perSecond)} · ${formatDuration(Math.max(0, total - done) / perSecond)} left`;
}

export function startProgress(options: ProgressOptions): Progress {
  const write = options.write ?? ((text: string) => void process.stderr.write(text));
  const log = options.log ?? ((line: string) => write(`${line}\n`));
  const now = options.now ?? (() => performance.now());
  const tty = options.tty ?? (process.stderr.isTTY === true && process.env.TERM !== 'dumb');
  const interval = options.interval ?? PLAIN_EVERY;
  const initial = options.initial ?? 0;
  const started = now();
  let done = initial;
  let shown = false;
  let finished = false;
  // When the next line is due.
  let due = started + (tty ? LIVE_AFTER : interval);

  const line = (at: number) => formatProgress(options.label, done, options.total, ((done - initial) * 1000) / (at - started));

  return {
    tick(n = 1) {
      if (finished) return;
      done += n;
      const at = now();
      if (at < due) return;
      if (tty) {
        // The cursor goes back to the start, so a line another writer logs meanwhile (Astro's
        // logger, on stdout) starts at the left over this one rather than after it.
        write(`${CLEAR}${line(at)}\r`);
        shown = true;
        due = at + LIVE_EVERY;
      } else {
        log(line(at));
        due = at + interval;
      }
    },
    done() {
      if (finished) return;
      finished = true;
      if (shown) write(CLEAR);
    },
  };
}
