import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { visit } from 'unist-util-visit';
import { xmlText } from '@/lib/feeds/xml';

/**
 * An article body for a feed's `content:encoded`. The input is the page's own sanitised HTML
 * (rendered once by the loader), so a feed never carries markup the page would not. A feed
 * reader shows it away from the site, where a relative `src` or `href` points nowhere, so every
 * URL is resolved against the article's own URL, exactly as a browser on the page resolves it.
 * This works on the parsed tree (parse5 through hast-util-from-html), not with patterns, so
 * quoting, entities and odd spacing in imported HTML cannot hide a URL.
 */

/** hast property names whose value is one URL (GitHub's sanitiser lets href, src, cite, longDesc through). */
const URL_PROPERTIES = ['href', 'src', 'cite', 'longDesc', 'poster'] as const;

/** `new URL(value, base)`, or undefined when the value cannot be a URL (`http://[`). */
function resolve(value: string, base: string): string | undefined {
  try {
    return new URL(value, base).href;
  } catch {
    return undefined;
  }
}

function absolutise(element: Element, base: string): void {
  const { properties } = element;
  for (const name of URL_PROPERTIES) {
    const value = properties[name];
    if (typeof value !== 'string') continue;
    const absolute = resolve(value.trim(), base);
    // A URL no browser could resolve is dropped (undefined is not written) rather than left relative.
    properties[name] = absolute;
  }
  // srcset is a comma-separated list of "URL descriptor" candidates; hast holds it as a list.
  const srcSet: unknown = properties.srcSet;
  const candidates = Array.isArray(srcSet) ? srcSet.map(String) : typeof srcSet === 'string' ? srcSet.split(',') : [];
  if (candidates.length > 0) {
    properties.srcSet = candidates
      .flatMap((candidate) => {
        const [url, ...descriptor] = candidate.trim().split(/\s+/);
        const absolute = resolve(url, base);
        return absolute === undefined ? [] : [[absolute, ...descriptor].join(' ')];
      })
      .join(', ');
  }
}

export interface Cover {
  /** Absolute URL of the picture. */
  url: string;
  alt: string;
}

/**
 * The cover figure the article page shows above the body: most feed readers ignore
 * `<enclosure>`, so the picture is also the first thing in the content. The caption repeats the
 * alt text for sighted readers and is hidden from screen readers, as on the page.
 */
function coverFigure({ url, alt }: Cover): Element {
  return {
    type: 'element',
    tagName: 'figure',
    properties: {},
    children: [
      { type: 'element', tagName: 'img', properties: { src: url, alt }, children: [] },
      { type: 'element', tagName: 'figcaption', properties: { ariaHidden: 'true' }, children: [{ type: 'text', value: alt }] },
    ],
  };
}

/** The body with every URL absolute, the cover first, and no character XML 1.0 forbids. */
export function feedHtml(html: string, articleUrl: string, cover?: Cover): string {
  const tree: Root = fromHtml(html, { fragment: true });
  visit(tree, 'element', (element: Element) => absolutise(element, articleUrl));
  if (cover) tree.children.unshift(coverFigure(cover));
  return xmlText(toHtml(tree));
}
