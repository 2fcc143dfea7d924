import { SyntaxValidator } from 'fast-xml-validator';
import type { Article } from '@/lib/content/article';

/** A test article: only what a test cares about needs saying. */
export function article(id: string, overrides: Partial<Article> & { at?: string } = {}): Article {
  const { at = '2023-04-07T09:30:00+08:00', ...rest } = overrides;
  const date = new Date(at);
  return {
    id,
    file: `content/news/${id}.md`,
    slug: id.split('/').pop() ?? id,
    title: `标题 ${id}`,
    date,
    year: 2023,
    source: '盐城经济技术开发区管委会',
    zone: '盐城经济技术开发区',
    region: '盐城',
    type: '文字新闻',
    summary: '',
    draft: false,
    tags: [],
    ...rest,
  };
}

/** The required frontmatter of a valid article, as an editor writes it. */
export const ARTICLE_FIELDS = {
  title: '盐城经开区新闻',
  date: '2023-04-07 09:30',
  source: '盐城经济技术开发区管委会',
  zone: '盐城经济技术开发区',
  region: '盐城',
};

/**
 * Throws, saying where, unless `xml` is well-formed XML 1.0: fast-xml-validator (the validator
 * fast-xml-parser now points to), with its opt-in checks for a literal `]]>` in text and `<`
 * in attributes on; it also refuses control characters XML 1.0 forbids.
 */
export function assertWellFormed(xml: string, name = 'document'): void {
  try {
    SyntaxValidator.validate(xml, { invalidCharSequence: { tagValue: true, attrLt: true } });
  } catch (error) {
    throw new Error(`${name} is not well-formed XML: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}
