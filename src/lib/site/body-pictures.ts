import type { Element, ElementContent, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { visit } from 'unist-util-visit';
import type { ImageFacts } from '@/lib/build/image-facts';
import type { Picture } from '@/lib/site/pictures';
import { publicFilePath } from '@/lib/site/urls';

/**
 * The pictures of an article's body, as the page shows them: each `<img>` of the site's own
 * that the build read becomes a `<picture>` with the AVIF, WebP and fallback files of the body
 * slot, its real width and height (no layout shift) and lazy loading (a body picture is below
 * the cover and the title). Alt text and title stay. Feeds keep the body as written, with the
 * full-size file. `html` is the page's body, its URLs already under the site's base; `images`
 * the facts of its pictures by `src` as written (ArticlePageProps.bodyImages); `make` is
 * `picture` of src/lib/site/pictures.ts (a parameter, so tests need no Astro).
 */
export async function withPictures(
  html: string,
  images: Readonly<Record<string, ImageFacts>>,
  make: (src: string, facts: ImageFacts) => Promise<Picture>,
): Promise<string> {
  const bySrc = new Map(Object.entries(images).map(([src, facts]) => [publicFilePath(src), { src, facts }]));
  if (bySrc.size === 0 || !html.includes('<img')) return html;
  const tree: Root = fromHtml(html, { fragment: true });
  const found: Array<{ node: Element; parent: Element | Root; index: number; src: string; facts: ImageFacts }> = [];
  visit(tree, 'element', (node, index, parent) => {
    const src = node.tagName === 'img' ? node.properties.src : undefined;
    const image = typeof src === 'string' ? bySrc.get(src) : undefined;
    if (image && parent && index !== undefined) found.push({ node, parent, index, ...image });
  });
  if (found.length === 0) return html;
  const pictures = await Promise.all(found.map(({ src, facts }) => make(src, facts)));
  found.forEach(({ node, parent, index }, i) => {
    parent.children[index] = pictureElement(node, pictures[i]);
  });
  return toHtml(tree);
}

function pictureElement(img: Element, picture: Picture): ElementContent {
  const sources: ElementContent[] = picture.sources.map((source) => ({
    type: 'element',
    tagName: 'source',
    properties: { type: source.type, srcSet: source.srcset, sizes: picture.sizes },
    children: [],
  }));
  const { alt, title } = img.properties;
  const shown: Element = {
    type: 'element',
    tagName: 'img',
    properties: {
      src: picture.src,
      srcSet: picture.srcset,
      sizes: picture.sizes,
      alt,
      title,
      width: picture.width,
      height: picture.height,
      loading: 'lazy',
      decoding: 'async',
    },
    children: [],
  };
  return { type: 'element', tagName: 'picture', properties: {}, children: [...sources, shown] };
}
