/**
 * The English strings of the search result list, apart from the rest of en.ts: the browser's
 * search code falls back to these, and should not carry the whole dictionary.
 */
export default {
  'results.article': 'Article',
  'results.faq': 'FAQ',
  'results.none': 'No results for “{query}”.',
  'results.count.one': '{count} result for “{query}”',
  'results.count.other': '{count} results for “{query}”',
  'results.corrected': ', searched as “{terms}”',
  'results.showingFirst': ', showing the first {shown}',
  'results.sections': 'Matching sections of {title}',
  'results.noneHint': 'Try other words, or <a href="{url}">see ways to contact us</a>.',
  'results.otherTopics.one': 'Without the filters, “{query}” finds {count} result',
  'results.otherTopics.other': 'Without the filters, “{query}” finds {count} results',
  'results.inTopics': ' in these topics:',
  'results.searchAll': 'Search all topics for “{query}”',
  'results.answer.label': 'Answer',
  'results.answer.question': 'Did this answer your question?',
  'results.answer.yes': 'Yes',
  'results.answer.no': 'No',
  'results.answer.more': 'Read the whole answer',
  'results.answer.thanks': 'Thanks for your feedback.',
  'results.answer.failed': 'Your answer could not be sent; please try again.',
  'results.inLanguage': 'In {language}',
} as const;
