/**
 * Every word the section and unlisted features show readers, in one place (English only for now),
 * so a per-language dictionary can take them over as they are.
 */
export const SECTION_TEXT = {
  /** The heading of a category's articles when it has no sections. */
  articlesHeading: 'Articles',
  /** The heading of the articles directly in a category that also has sections. */
  otherArticlesHeading: 'Other articles',
  /** The heading of a category's FAQs in no section, below those in sections. */
  otherQuestionsHeading: 'Other questions',
  /** The label of the list of a category's sections, at the top of its page. */
  sectionsNavLabel: 'Sections',
  /** The control that shows the rest of a long section's articles. */
  seeAll: (count: number, sectionTitle: string) => `See all ${count} articles in ${sectionTitle}`,
} as const;
