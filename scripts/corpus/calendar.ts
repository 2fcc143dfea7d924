// Calendar helpers. All arithmetic is done in UTC on "epoch days" and formatted
// by hand, so output never depends on the machine's time zone or locale.
// The wall-clock values are meant as Beijing local time (no offset written).

import type { Rng } from './prng.ts';
import { int } from './prng.ts';

const DAY_MS = 86400000;

export const FIRST_YEAR = 2020;
export const LAST_YEAR = 2026;
/** Inclusive range of publication days: 2020-01-01 … 2026-10-31. */
const FIRST_DAY = Date.UTC(FIRST_YEAR, 0, 1) / DAY_MS;
const LAST_DAY = Date.UTC(LAST_YEAR, 9, 31) / DAY_MS;

export interface Stamp {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  /** Written as YYYY-MM-DD only (no time). */
  dateOnly: boolean;
}

/** Epoch day range [first, last] of a year, clipped to the publication range. */
function yearRange(year: number): [number, number] {
  const first = Math.max(FIRST_DAY, Date.UTC(year, 0, 1) / DAY_MS);
  const last = Math.min(LAST_DAY, Date.UTC(year, 11, 31) / DAY_MS);
  return [first, last];
}

/** A random publication stamp, within `year` if given, else anywhere in the range. */
export function randomStamp(rng: Rng, year?: number): Stamp {
  const [first, last] = year === undefined ? [FIRST_DAY, LAST_DAY] : yearRange(year);
  const d = new Date(int(rng, first, last) * DAY_MS);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: int(rng, 8, 18),
    minute: int(rng, 0, 11) * 5,
    dateOnly: rng() < 1 / 6,
  };
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** YYYY-MM-DD */
export function formatDay(s: Stamp): string {
  return `${pad(s.year, 4)}-${pad(s.month, 2)}-${pad(s.day, 2)}`;
}

/** Frontmatter value: YYYY-MM-DD HH:mm, or YYYY-MM-DD for date-only stamps. */
export function formatStamp(s: Stamp): string {
  return s.dateOnly ? formatDay(s) : `${formatDay(s)} ${pad(s.hour, 2)}:${pad(s.minute, 2)}`;
}
