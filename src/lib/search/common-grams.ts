import { LONGEST_GRAM } from '@/lib/search/tokens';

/**
 * The common grams of an archive, for src/lib/search/gram-list.ts: each run of Chinese
 * characters the articles have in at least `share` of them, from two characters up to
 * LONGEST_GRAM, where its start one character shorter is common too (so the list is the
 * search words the index lengthens, tokens.ts). Only the longest are kept: the rest are their
 * starts. `articles`: the runs of Chinese of each article.
 */
export function commonGramList(articles: readonly (readonly string[])[], share: number, longest = LONGEST_GRAM): string[] {
  const least = Math.max(1, Math.ceil(share * articles.length));
  const common = new Set<string>();
  for (let length = 2; length <= longest; length++) {
    const shorter = new Set(common);
    const articlesWith = new Map<string, number>();
    for (const runs of articles) {
      const seen = new Set<string>();
      for (const run of runs) {
        const chars = [...run];
        for (let i = 0; i + length <= chars.length; i++) {
          const gram = chars.slice(i, i + length).join('');
          if (length === 2 || shorter.has(chars.slice(i, i + length - 1).join(''))) seen.add(gram);
        }
      }
      for (const gram of seen) articlesWith.set(gram, (articlesWith.get(gram) ?? 0) + 1);
    }
    let added = 0;
    for (const [gram, count] of articlesWith) {
      if (count < least) continue;
      common.add(gram);
      added++;
    }
    if (added === 0) break;
  }
  // The grams one character shorter than another common gram, which starts with them.
  const starts = new Set([...common].map((gram) => [...gram].slice(0, -1).join('')));
  return [...common].filter((gram) => !starts.has(gram)).sort();
}
