/**
 * The shapes of the registry of regions and zones (content/registry.yaml), apart from the code that
 * reads it (src/lib/content/registry.ts, registry-entry.ts), so that each can import them without
 * importing the other.
 */

export type RegistryKind = 'region' | 'zone';

export interface RegistryEntry {
  kind: RegistryKind;
  /** Official name: what pages show and articles are filed under. */
  name: string;
  short: string[];
  former: string[];
  /** URL slug override; otherwise the pinyin of the name (src/lib/content/slugs.ts). */
  slug?: string;
  /** A zone's region, by the region's official name. */
  region?: string;
  /** Line of the entry in the registry file, and of each of its fields. */
  line: number;
  fieldLines: Map<string, number>;
}

/** Slug overrides by kind and official name; termSlug (src/lib/content/slugs.ts) applies them. */
export type SlugOverrides = { readonly [K in RegistryKind]?: ReadonlyMap<string, string> };

export interface Registry {
  /** Path of the file, relative to the project root, for messages. */
  file: string;
  entries: Record<RegistryKind, Map<string, RegistryEntry>>;
  /** Every name an editor may write (normalised) to its official name. */
  aliases: Record<RegistryKind, Map<string, string>>;
  slugs: SlugOverrides;
}
