/**
 * The names by which articles are grouped: a leaf module, so that the schema, the slugs and the
 * article model can share them without importing one another.
 */

/** The two kinds of news, as the legacy portal named them. */
export const NEWS_TYPES = ['文字新闻', '图片新闻'] as const;
export type NewsType = (typeof NEWS_TYPES)[number];

/** The article fields that file an article into listings, feeds and search filters. */
export type TaxonomyKind = 'region' | 'zone' | 'type' | 'source' | 'year';
