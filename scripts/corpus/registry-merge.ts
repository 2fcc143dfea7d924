// The registry (regions and zones) that a generated corpus needs: every zone an article can
// name, with the short and former names editors write. Merged into an existing registry so
// that a hand-kept one (content/registry.yaml, test fixtures) keeps its entries and comments.

import { isMap, isSeq, parseDocument, type Document } from 'yaml';
import { EXTRA_NAMES, REGION_NAMES, ZONES } from './zones.ts';

interface Entry {
  name: string;
  region?: string;
  short?: string[];
  former?: string[];
}

function regionEntries(): Entry[] {
  return REGION_NAMES.map((name) => ({ name, short: [`${name}市`] }));
}

function zoneEntries(): Entry[] {
  return ZONES.map((zone) => {
    const extra = EXTRA_NAMES[zone.name] ?? {};
    const short = [...(zone.short === zone.name ? [] : [zone.short]), ...(extra.short ?? [])];
    return { name: zone.name, region: zone.region, ...(short.length ? { short } : {}), ...(extra.former ? { former: extra.former } : {}) };
  });
}

const HEADER = `# 地区与开发区名录 / Registry of regions and development zones (see README.md, "Registry").
# name: the official name, which pages show; short / former: other names editors may write,
# filed under the official one; region: the region a zone belongs to; slug: optional URL name.
# sources: (optional) a source's name and the slug it should have. Slugs given: content/slugs.lock.
`;

function names(doc: Document, section: string): Set<string> {
  const list = doc.get(section);
  const found = new Set<string>();
  if (isSeq(list)) for (const item of list.items) if (isMap(item)) found.add(String(item.get('name')));
  return found;
}

/** Adds what the corpus needs to `existing` (or writes a new registry); undefined when nothing is missing. */
export function mergeRegistry(existing: string | undefined): string | undefined {
  const doc = parseDocument(existing ?? `${HEADER}regions: []\nzones: []\n`);
  if (doc.errors.length) throw new Error(`the registry is not valid YAML: ${doc.errors[0].message}`);
  let added = 0;
  for (const [section, entries] of [
    ['regions', regionEntries()],
    ['zones', zoneEntries()],
  ] as const) {
    const known = names(doc, section);
    let list = doc.get(section);
    if (!isSeq(list)) {
      list = doc.createNode([]);
      doc.set(section, list);
    }
    for (const entry of entries) {
      if (known.has(entry.name)) continue;
      const node = doc.createNode(entry);
      // Name lists on one line, as editors write them: short: [盐城经开区].
      for (const pair of node.items) if (isSeq(pair.value)) pair.value.flow = true;
      (list as { add: (value: unknown) => void }).add(node);
      added++;
    }
    if (isSeq(list) && list.items.length) list.flow = false;
  }
  return added || existing === undefined ? doc.toString({ lineWidth: 0, flowCollectionPadding: false }) : undefined;
}
