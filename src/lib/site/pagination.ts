/**
 * Splits listings into pages. Page 1 is the listing's own URL; later pages add /page/N/
 * (src/lib/site/urls.ts). An empty listing still has one (empty) page.
 */

export interface Page<T> {
  /** 1-based. */
  number: number;
  total: number;
  items: T[];
  /** Position of the first item on this page among all items, 1-based. */
  start: number;
  count: number;
}

export function paginate<T>(items: readonly T[], pageSize: number): Page<T>[] {
  if (!Number.isInteger(pageSize) || pageSize < 1) throw new RangeError(`page size must be a positive integer, got ${pageSize}`);
  const total = Math.max(1, Math.ceil(items.length / pageSize));
  return Array.from({ length: total }, (_, index) => ({
    number: index + 1,
    total,
    items: items.slice(index * pageSize, (index + 1) * pageSize),
    start: index * pageSize + 1,
    count: items.length,
  }));
}

/**
 * Which page numbers a pager shows: the first, the last, and two on each side of the current
 * one, with `null` for a gap (rendered as …). Keeps the pager short on phones.
 */
export function pagerWindow(current: number, total: number, radius = 2): Array<number | null> {
  const shown = new Set<number>([1, total]);
  for (let page = current - radius; page <= current + radius; page++) if (page >= 1 && page <= total) shown.add(page);
  const sorted = [...shown].sort((a, b) => a - b);
  const result: Array<number | null> = [];
  sorted.forEach((page, index) => {
    if (index > 0 && page - sorted[index - 1] > 1) result.push(null);
    result.push(page);
  });
  return result;
}
