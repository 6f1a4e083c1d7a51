/**
 * The types of the replaceable components' props (docs/customizing.md), for a team's own
 * components: `import type { ArticleView } from 'helpdesk-kit/types'`.
 */
export type { ArticleSummary, ArticleView } from './content/site-data.ts';
export type { BreadcrumbItem, LanguageLink } from './route-data/common.ts';
export type { Contact } from './content/schema.ts';
