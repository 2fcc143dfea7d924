/**
 * The one owner of dates. Every date on the site means Beijing time (Asia/Shanghai), whatever
 * the build machine's time zone, so nothing here calls a local-time getter or Intl with the
 * machine's zone: instants are shifted by the fixed +08:00 offset and read with UTC getters.
 * China has kept +08:00 all year since 1992. (Summers 1986-1991 were +09:00; an archive that old
 * would show those summer times an hour early.)
 */

const BEIJING_OFFSET_MINUTES = 8 * 60;
const MS_PER_MINUTE = 60_000;

/** Forms an editor may write; the message for a bad date lists them. */
export const DATE_FORMATS = ['2023-04-07', '2023-04-07 09:30', '2023-04-07 09:30:15', '2023-04-07T09:30:00+08:00'];

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/;

export type DateParseResult = { ok: true; date: Date } | { ok: false; reason: 'format' | 'impossible' };

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function offsetMinutes(zone: string | undefined): number {
  if (zone === undefined) return BEIJING_OFFSET_MINUTES;
  if (zone === 'Z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2)));
}

/**
 * Reads a frontmatter date. Without an offset the wall-clock time is Beijing time; an explicit
 * offset (`Z`, `+08:00`, `-0500`) is honoured. Calendar-impossible dates (2023-02-30, 25:00)
 * are refused rather than rolled over, which is what `new Date()` would silently do.
 */
export function parseArticleDate(text: string): DateParseResult {
  const match = DATE_PATTERN.exec(text.trim());
  if (!match) return { ok: false, reason: 'format' };
  const [year, month, day, hour = 0, minute = 0, second = 0] = match
    .slice(1, 7)
    .map((part) => (part === undefined ? undefined : Number(part))) as number[];
  const zone = match[7];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return { ok: false, reason: 'impossible' };
  if (hour > 23 || minute > 59 || second > 59) return { ok: false, reason: 'impossible' };
  if (zone !== undefined && (Math.abs(offsetMinutes(zone)) > 14 * 60 || Number(zone.slice(-2)) > 59))
    return { ok: false, reason: 'impossible' };
  // Date.UTC reads years 0-99 as 1900-1999; setUTCFullYear takes the year as written.
  const wallClock = new Date(Date.UTC(2000, month - 1, day, hour, minute, second)).setUTCFullYear(year);
  return { ok: true, date: new Date(wallClock - offsetMinutes(zone) * MS_PER_MINUTE) };
}

/** The Beijing wall-clock fields of an instant. */
function beijingParts(date: Date) {
  const shifted = new Date(date.getTime() + BEIJING_OFFSET_MINUTES * MS_PER_MINUTE);
  const pad = (value: number) => String(value).padStart(2, '0');
  return {
    year: shifted.getUTCFullYear(),
    date: `${shifted.getUTCFullYear()}-${pad(shifted.getUTCMonth() + 1)}-${pad(shifted.getUTCDate())}`,
    time: `${pad(shifted.getUTCHours())}:${pad(shifted.getUTCMinutes())}`,
    seconds: pad(shifted.getUTCSeconds()),
  };
}

/** `2023-04-07`, the day in Beijing. */
export function formatDate(date: Date): string {
  return beijingParts(date).date;
}

/** `2023-04-07 09:30`, or just the day when the article gave no time (midnight in Beijing). */
export function formatDateTime(date: Date): string {
  const parts = beijingParts(date);
  return parts.time === '00:00' && parts.seconds === '00' ? parts.date : `${parts.date} ${parts.time}`;
}

/** `2023-04-07T09:30:00+08:00`: for `<time datetime>` and structured data, never UTC `Z`. */
export function toBeijingIso(date: Date): string {
  const parts = beijingParts(date);
  return `${parts.date}T${parts.time}:${parts.seconds}+08:00`;
}

/** The year in Beijing: an article at 2023-12-31 23:30 UTC belongs to 2024. */
export function beijingYear(date: Date): number {
  return beijingParts(date).year;
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * `Fri, 07 Apr 2023 09:30:00 +0800`: the RFC 822 date RSS wants (four-digit year, as RSS 2.0
 * recommends), written in Beijing wall-clock time with its offset rather than in GMT, so the
 * raw feed shows the time editors wrote and public/rss.xsl can print it without arithmetic.
 */
export function toRfc822(date: Date): string {
  const shifted = new Date(date.getTime() + BEIJING_OFFSET_MINUTES * MS_PER_MINUTE);
  const pad = (value: number, width = 2) => String(value).padStart(width, '0');
  const day = `${WEEKDAYS[shifted.getUTCDay()]}, ${pad(shifted.getUTCDate())} ${MONTHS[shifted.getUTCMonth()]} ${pad(shifted.getUTCFullYear(), 4)}`;
  return `${day} ${pad(shifted.getUTCHours())}:${pad(shifted.getUTCMinutes())}:${pad(shifted.getUTCSeconds())} +0800`;
}
