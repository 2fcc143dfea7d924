import { defineCollection } from 'astro:content';
import { ArticleSchema } from '@/lib/content/schema';
import { newsLoader } from '@/loaders/news';
import { SITE } from '@/site.config';

// The loader validates with ArticleSchema itself (to report every problem at once); the schema
// is given here too so that `getCollection('news')` is typed from the same source.
export const collections = {
  news: defineCollection({ loader: newsLoader({ base: SITE.contentDir }), schema: ArticleSchema }),
};
