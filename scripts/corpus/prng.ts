// Deterministic pseudo-random helpers. Never uses Math.random() or the clock,
// so the same seed gives the same corpus on every machine.

/** A generator of floats in [0, 1). */
export type Rng = () => number;

function rotl(x: number, r: number): number {
  return (x << r) | (x >>> (32 - r));
}

/** Murmur3-style hash of a list of 32-bit integers into one unsigned 32-bit integer. */
export function hash32(...parts: number[]): number {
  let h = 0x9747b28c ^ parts.length;
  for (const part of parts) {
    let k = Math.imul(part >>> 0, 0xcc9e2d51);
    k = Math.imul(rotl(k, 15), 0x1b873593);
    h = rotl(h ^ k, 13);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** sfc32 generator seeded from three 32-bit words (the counter word starts at 1). */
function sfc32(a: number, b: number, c: number): Rng {
  let d = 1;
  const next = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = rotl(c, 21);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 12; i++) next();
  return next;
}

/** Independent stream for (seed, index, stream): article i never depends on article j. */
export function rngFor(seed: number, index: number, stream: number): Rng {
  return sfc32(hash32(seed, index, stream, 1), hash32(seed, index, stream, 2), hash32(seed, index, stream, 3));
}

/** Integer in [min, max] (inclusive). */
export function int(rng: Rng, min: number, max: number): number {
  return min + Math.floor(rng() * (max - min + 1));
}

/** True with probability p. */
export function chance(rng: Rng, p: number): boolean {
  return rng() < p;
}

/** One element of a non-empty array. */
export function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[Math.floor(rng() * items.length)];
}

/** n distinct elements (in random order), n clamped to the array length. */
export function pickN<T>(rng: Rng, items: readonly T[], n: number): T[] {
  const copy = items.slice();
  const k = Math.min(n, copy.length);
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(rng() * (copy.length - i));
    const tmp = copy[i];
    copy[i] = copy[j];
    copy[j] = tmp;
  }
  return copy.slice(0, k);
}

/** Shuffled copy of the whole array. */
export function shuffle<T>(rng: Rng, items: readonly T[]): T[] {
  return pickN(rng, items, items.length);
}
