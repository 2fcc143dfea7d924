// What a page cost in requests and bytes. The bench feeds in every request of the page and of any
// worker it starts (a Web Worker's requests are not in the page's own DevTools session;
// Playwright follows both). Bytes are the DevTools protocol's
// `Network.loadingFinished.encodedDataLength`: what came over the wire, headers included,
// compressed as sent. Times are milliseconds since the epoch. Pure, so it is unit-tested.

export interface Cost {
  requests: number;
  bytes: number;
}

/** Requests and bytes in all, and split into the search index's folder and the rest. */
export interface NetworkCost extends Cost {
  index: Cost;
  other: Cost;
}

interface Exchange {
  /** In the search index's folder. */
  index: boolean;
  sentMs: number;
  doneMs?: number;
  bytes: number;
}

/**
 * Tallies one page's requests, each known by a key of the caller's (Playwright's Request).
 * `inIndex` says which URLs are the search index's; `now` is the clock of `quietMs`.
 */
export class NetworkLedger<Key = unknown> {
  private readonly exchanges = new Map<Key, Exchange>();
  private readonly inIndex: (url: string) => boolean;
  private readonly now: () => number;
  private lastEvent: number;

  constructor(inIndex: (url: string) => boolean, now: () => number = () => performance.now()) {
    this.inIndex = inIndex;
    this.now = now;
    this.lastEvent = now();
  }

  sent(key: Key, url: string, sentMs: number): void {
    // data: and blob: URLs never reach the network.
    if (!/^https?:/.test(url)) return;
    this.lastEvent = this.now();
    this.exchanges.set(key, { index: this.inIndex(url), sentMs, bytes: 0 });
  }

  /** `bytes`: the response's encodedDataLength (headers and body as sent). */
  finished(key: Key, doneMs: number, bytes: number): void {
    const exchange = this.exchanges.get(key);
    if (!exchange) return;
    this.lastEvent = this.now();
    exchange.doneMs = doneMs;
    exchange.bytes = bytes;
  }

  failed(key: Key, doneMs: number): void {
    const exchange = this.exchanges.get(key);
    if (!exchange) return;
    this.lastEvent = this.now();
    exchange.doneMs = doneMs;
  }

  /** Requests sent (by a moment, when given) and not finished or failed yet. */
  inflight(sentBy = Infinity): number {
    return [...this.exchanges.values()].filter((exchange) => exchange.sentMs <= sentBy && exchange.doneMs === undefined).length;
  }

  /** Milliseconds since the last event, on the `now` clock. */
  quietMs(): number {
    return this.now() - this.lastEvent;
  }

  /** When the last request finished or failed; undefined before any did. */
  lastDoneMs(): number | undefined {
    const done = [...this.exchanges.values()].flatMap((exchange) => (exchange.doneMs === undefined ? [] : [exchange.doneMs]));
    return done.length ? Math.max(...done) : undefined;
  }

  /**
   * The requests sent so far, or by a moment, and their bytes: a request sent by then counts
   * whole, as the reader gets it whole (wait until `inflight(moment)` is 0 for its bytes).
   */
  cost(sentBy = Infinity): NetworkCost {
    const total = { requests: 0, bytes: 0, index: { requests: 0, bytes: 0 }, other: { requests: 0, bytes: 0 } };
    for (const exchange of this.exchanges.values()) {
      if (exchange.sentMs > sentBy) continue;
      const part = exchange.index ? total.index : total.other;
      total.requests += 1;
      total.bytes += exchange.bytes;
      part.requests += 1;
      part.bytes += exchange.bytes;
    }
    return total;
  }
}
