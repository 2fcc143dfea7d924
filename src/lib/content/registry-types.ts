/**
 * The shapes of the registry of regions, zones and sources (content/registry.yaml), apart from the
 * code that reads it (src/lib/content/registry.ts, registry-entry.ts), so that each can import them
 * without importing the other.
 */

/** Regions and zones are the names articles must use; a source is listed only to pin its slug. */
export type RegistryKind = 'region' | 'zone' | 'source';

export interface RegistryEntry {
  kind: RegistryKind;
  /** Official name: what pages show and articles are filed under. */
  name: string;
  short: string[];
  former: string[];
  /** URL slug pinned by the editor; otherwise assigned (src/lib/content/slug-assign.ts). */
  slug?: string;
  /** A zone's region, by the region's official name. */
  region?: string;
  /** Line of the entry in the registry file, and of each of its fields. */
  line: number;
  fieldLines: Map<string, number>;
}

/** Pinned slugs by kind and official name; src/lib/content/slug-assign.ts gives them first. */
export type SlugOverrides = { readonly [K in RegistryKind]?: ReadonlyMap<string, string> };

export interface Registry {
  /** Path of the file, relative to the project root, for messages. */
  file: string;
  entries: Record<RegistryKind, Map<string, RegistryEntry>>;
  /** Every name an editor may write (normalised) to its official name. */
  aliases: Record<RegistryKind, Map<string, string>>;
  slugs: SlugOverrides;
}
