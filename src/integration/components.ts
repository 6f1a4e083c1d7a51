/**
 * The layout components a team can replace with its own `.astro` file through the integration's
 * `components` option. Pages and components import each one as
 * `virtual:helpdesk-kit/components/<Name>`, which resolves to the team's file or to ours
 * (vite-plugin.ts). Each default stays importable as `helpdesk-kit/components/<Name>.astro`, so a
 * replacement can wrap it. The props each one gets are in docs/customizing.md.
 */
export const COMPONENT_NAMES = [
  'SiteHeader',
  'SiteFooter',
  'SearchBox',
  'ContactBlock',
  'Breadcrumbs',
  'TableOfContents',
  'ArticleList',
  'ArticleFooter',
  'FaqItem',
  'CategoryIcon',
  'FeedbackSlot',
] as const;

export type ComponentName = (typeof COMPONENT_NAMES)[number];

export const COMPONENT_MODULE_PREFIX = 'virtual:helpdesk-kit/components/';
