import { distance } from 'fastest-levenshtein';
import { normaliseName } from '@/lib/content/registry';
import type { Registry, RegistryKind } from '@/lib/content/registry-types';

/**
 * From what an editor wrote to the official name the registry files it under, and a "did you
 * mean" for a name the registry does not know.
 */

export type NameResolution = { ok: true; name: string } | { ok: false; suggestion?: string };

/** The official name for an official, short or former name. */
export function resolveName(registry: Registry, kind: RegistryKind, written: string): NameResolution {
  const aliases = registry.aliases[kind];
  const name = aliases.get(written) ?? aliases.get(normaliseName(written));
  return name === undefined ? { ok: false, suggestion: suggestName(written, aliases) } : { ok: true, name };
}

/**
 * Characters that nearly every zone name has (开发区, 高新技术产业, 经济技术…): sharing them says
 * nothing, so a suggestion needs a shared character outside this set (usually the place name)
 * or an edit distance of one (a typo: 盐成 for 盐城).
 */
const GENERIC = new Set(Array.from('经济技术开发区高新产业园工业保税综合试验国家级省市县新区管委会'));

function sharedCharacters(a: string, b: string): string[] {
  const pool = Array.from(b);
  const shared: string[] = [];
  for (const char of a) {
    const at = pool.indexOf(char);
    if (at >= 0) {
      shared.push(char);
      pool.splice(at, 1);
    }
  }
  return shared;
}

/**
 * The official name whose spelling (official, short or former) is closest to `written`: most
 * characters in common first, which suits Chinese names where a short name drops characters
 * from the middle (盐城经开区 for 盐城经济技术开发区), then the smallest Levenshtein distance.
 * Undefined when nothing is close enough to be worth saying.
 */
export function suggestName(written: string, aliases: ReadonlyMap<string, string>): string | undefined {
  const target = normaliseName(written);
  let best: { official: string; shared: number; distance: number } | undefined;
  for (const [alias, official] of aliases) {
    const shared = sharedCharacters(target, alias);
    const edits = distance(target, alias);
    const close = edits <= 1 || shared.some((char) => !GENERIC.has(char));
    if (!close) continue;
    if (!best || shared.length > best.shared || (shared.length === best.shared && edits < best.distance)) {
      best = { official, shared: shared.length, distance: edits };
    }
  }
  return best?.official;
}
