// `helpdesk-kit/collections` as a project's content config sees it when our checks load the file
// outside Astro (project-schemas.ts): the built-in schemas, without the loaders.
import { ArticleFrontmatterSchema, FaqFrontmatterSchema } from '../schema.ts';

export const collections = {
  articles: { schema: ArticleFrontmatterSchema },
  faqs: { schema: FaqFrontmatterSchema },
};
