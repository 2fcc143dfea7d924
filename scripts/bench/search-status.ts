// Reading the search page's status line (#search-status) the way a reader does: the text the page
// writes comes from searchResultsStatus and SEARCH_SCRIPT_LABELS (src/lib/site/labels.ts), so the
// bench builds what it expects from the same functions and follows any change of wording.
import { SEARCH_SCRIPT_LABELS, searchResultsStatus } from '../../src/lib/site/labels.ts';

/** What the status line says for one query with no filters, in relevance order. */
export interface StatusTexts {
  /** Without a query (the page's first text). */
  prompt: string;
  /** The text around the number when something was found. */
  foundBefore: string;
  foundAfter: string;
  /** Nothing found. */
  none: string;
  /** The search failed (no index). */
  unavailable: string;
}

const PROBE = 987_654_321;

export function statusTexts(query: string): StatusTexts {
  const found = searchResultsStatus({ query, filtered: false, byDate: false, count: PROBE });
  const at = found.indexOf(String(PROBE));
  if (at < 0) throw new Error(`searchResultsStatus does not show the count: ${found}`);
  return {
    prompt: SEARCH_SCRIPT_LABELS.prompt,
    foundBefore: found.slice(0, at),
    foundAfter: found.slice(at + String(PROBE).length),
    none: searchResultsStatus({ query, filtered: false, byDate: false, count: 0 }),
    unavailable: SEARCH_SCRIPT_LABELS.unavailable,
  };
}

/**
 * The number of results a status line reports, or undefined when it reports none (still
 * searching, the prompt, an error). The list's `data-count`, when the page writes one, wins.
 */
export function reportedCount(status: string, texts: StatusTexts, dataCount?: string | null): number | undefined {
  if (dataCount && /^\d+$/.test(dataCount)) return Number(dataCount);
  const text = status.trim();
  if (text === texts.none) return 0;
  if (!text.startsWith(texts.foundBefore) || !text.endsWith(texts.foundAfter)) return undefined;
  const middle = text.slice(texts.foundBefore.length, text.length - texts.foundAfter.length);
  return /^\d[\d,]*$/.test(middle) ? Number(middle.replaceAll(',', '')) : undefined;
}
