/**
 * The rule catalogue: every finding `npm run lint:content` can report, with its default severity.
 * docs/writer-tooling.md documents each id (a test keeps the two in step), and `lint.rules` in
 * content/site.yaml may change the severity of the rules whose origin is "lint".
 */

export type Severity = 'error' | 'warning';
export type RuleSetting = Severity | 'off';

export interface RuleInfo {
  /** Where the finding comes from: the content loader and the redirect check also stop the build,
   * so only "lint" rules can be switched off or made warnings. */
  origin: 'content' | 'redirects' | 'settings' | 'lint';
  defaultSeverity: Severity;
  /** `--fix` can repair it without changing what the text says. */
  fixable: boolean;
  /** What the rule catches, in one sentence. */
  description: string;
  /** `astro build` runs the rule too and fails on it while its severity is "error" (a reader would see the fault). */
  build?: true;
}

export const RULES = {
  // From loadContent (src/content/load.ts): the build fails on these too.
  'site-settings': {
    origin: 'content',
    defaultSeverity: 'error',
    fixable: false,
    description: 'content/site.yaml is missing or a field in it does not match the settings schema.',
  },
  categories: {
    origin: 'content',
    defaultSeverity: 'error',
    fixable: false,
    description: 'content/categories.yaml is missing, empty, or a category in it is invalid or listed twice.',
  },
  'yaml-syntax': {
    origin: 'content',
    defaultSeverity: 'error',
    fixable: false,
    description: 'YAML (frontmatter or a settings file) that does not parse.',
  },
  'frontmatter-missing': {
    origin: 'content',
    defaultSeverity: 'error',
    fixable: false,
    description: 'An article or FAQ file that does not start with a "---" frontmatter block.',
  },
  'frontmatter-schema': {
    origin: 'content',
    defaultSeverity: 'error',
    fixable: false,
    description: 'A frontmatter field that is missing, unknown, or has the wrong type or format.',
  },
  'file-location': {
    origin: 'content',
    defaultSeverity: 'error',
    fixable: false,
    description:
      'A content file that is not one or two folders deep (articles/<category>/<slug>.md or articles/<category>/<section>/<slug>.md).',
  },
  'file-name': {
    origin: 'content',
    defaultSeverity: 'error',
    fixable: false,
    description: 'A file name that is not a valid slug (lowercase letters, digits and hyphens).',
  },
  'unknown-category': {
    origin: 'content',
    defaultSeverity: 'error',
    fixable: false,
    description: 'A file in a folder that is not a category in content/categories.yaml.',
  },
  'unknown-section': {
    origin: 'content',
    defaultSeverity: 'error',
    fixable: false,
    description:
      "A file in a category's subfolder that is not one of the category's sections in content/categories.yaml.",
  },
  'unlisted-related': {
    origin: 'content',
    defaultSeverity: 'warning',
    fixable: false,
    description: 'An id in `related` that is an unlisted article, which related lists never show.',
  },
  'unknown-related': {
    origin: 'content',
    defaultSeverity: 'error',
    fixable: false,
    description: 'An id in `related` that is not the slug of an article.',
  },
  'duplicate-slug': {
    origin: 'content',
    defaultSeverity: 'error',
    fixable: false,
    description: 'Two articles (or two FAQs) with the same file name, which would share one URL.',
  },
  'unknown-locale': {
    origin: 'content',
    defaultSeverity: 'error',
    fixable: false,
    description:
      'A folder of translations (content/<code>/articles or faqs) whose code is not in `locales` in site.yaml.',
  },
  'translation-source': {
    origin: 'content',
    defaultSeverity: 'error',
    fixable: false,
    description: 'A translation whose source (the same path under content/articles or content/faqs) does not exist.',
  },
  'ui-strings': {
    origin: 'content',
    defaultSeverity: 'error',
    fixable: false,
    description: 'A UI string a language lacks (neither shipped nor in its ui.yaml), or an unknown key in a ui.yaml.',
  },
  // From getRedirectErrors (src/content/redirects.ts): the build fails on these too.
  'redirect-conflict': {
    origin: 'redirects',
    defaultSeverity: 'error',
    fixable: false,
    description: 'A `redirectFrom` path that is a live page (an article, category, /faq/, /search/ or the home page).',
  },
  'redirect-duplicate': {
    origin: 'redirects',
    defaultSeverity: 'error',
    fixable: false,
    description: 'An old path listed in `redirectFrom` by two articles, or twice by one.',
  },
  'redirect-target': {
    origin: 'redirects',
    defaultSeverity: 'error',
    fixable: false,
    description:
      'A redirect to an article that is not built because its folder is not a category, or a content/redirects.yaml entry to a path that is not a page.',
  },
  // The linter's own settings.
  'lint-settings': {
    origin: 'settings',
    defaultSeverity: 'error',
    fixable: false,
    description: '`lint.rules` in content/site.yaml names an unknown rule or one whose severity cannot change.',
  },
  // The linter.
  'search-probes': {
    origin: 'lint',
    defaultSeverity: 'error',
    fixable: false,
    description:
      "content/search-probes.yaml does not match its schema, names a language the site lacks, or expects a page that is not published in the probe's language.",
  },
  'redirect-unneeded': {
    origin: 'lint',
    defaultSeverity: 'warning',
    fixable: false,
    description:
      'A `redirectFrom` path with a section in it: sections are not in URLs, so a move between sections needs no redirect.',
  },
  'broken-link': {
    origin: 'lint',
    build: true,
    defaultSeverity: 'error',
    fixable: false,
    description: 'A link to an article, FAQ, category, page or file that does not exist (or is a draft).',
  },
  'redirected-link': {
    origin: 'lint',
    defaultSeverity: 'warning',
    fixable: true,
    description:
      'A link to an old path that a `redirectFrom` or content/redirects.yaml redirects; `--fix` links to the page it redirects to.',
  },
  'broken-anchor': {
    origin: 'lint',
    build: true,
    defaultSeverity: 'error',
    fixable: false,
    description: 'A link to a #heading that the target page does not have.',
  },
  'missing-image': {
    origin: 'lint',
    build: true,
    defaultSeverity: 'error',
    fixable: false,
    description: 'An image whose file is not in public/ (for /images/... paths) or next to the article.',
  },
  'image-alt': {
    origin: 'lint',
    defaultSeverity: 'error',
    fixable: false,
    description: 'An image without alt text, which screen readers cannot describe.',
  },
  'external-link': {
    origin: 'lint',
    defaultSeverity: 'warning',
    fixable: false,
    description: "A link or image on a domain that is neither the site's own nor in `lint.allowedDomains`.",
  },
  'unknown-directive': {
    origin: 'lint',
    defaultSeverity: 'error',
    fixable: false,
    description:
      'A ":::name" or "::name" block that is not a callout (:::note, :::tip, :::warning, :::details) or tabs.',
  },
  'tabs-syntax': {
    origin: 'lint',
    defaultSeverity: 'error',
    fixable: false,
    description:
      'Content tabs the site cannot read as tabs: a ":::tab" outside "::::tabs", text between tabs, a tab without a label, tabs opened with three colons.',
  },
  'heading-h1': {
    origin: 'lint',
    defaultSeverity: 'error',
    fixable: false,
    description: "A level-1 heading in the body; the title is the page's only h1.",
  },
  'heading-level-skip': {
    origin: 'lint',
    defaultSeverity: 'warning',
    fixable: false,
    description: 'A heading that skips a level, such as ### right after the title or #### after ##.',
  },
  'description-length': {
    origin: 'lint',
    defaultSeverity: 'warning',
    fixable: false,
    description: 'A description shorter than 50 or longer than 160 characters, which search results show badly.',
  },
  'todo-placeholder': {
    origin: 'lint',
    defaultSeverity: 'error',
    fixable: false,
    description: 'A TODO, TBD or FIXME left in the frontmatter or the text (`npx helpdesk-kit new` writes these).',
  },
  'duplicate-title': {
    origin: 'lint',
    defaultSeverity: 'error',
    fixable: false,
    description: 'Two articles with the same title, or two FAQs with the same question.',
  },
  'similar-title': {
    origin: 'lint',
    defaultSeverity: 'warning',
    fixable: false,
    description:
      'Two article titles that say the same thing in other words, such as "Change your delivery address" and "Change the delivery address".',
  },
  'similar-faq': {
    origin: 'lint',
    defaultSeverity: 'warning',
    fixable: false,
    description: 'Two FAQ questions that ask the same thing in other words.',
  },
  'review-overdue': {
    origin: 'lint',
    defaultSeverity: 'warning',
    fixable: false,
    description: 'An article whose `reviewBy` date has passed.',
  },
  'owner-missing': {
    origin: 'lint',
    defaultSeverity: 'error',
    fixable: false,
    description: 'An article without `owner` when `lint.requireOwner` is true.',
  },
  'invisible-character': {
    origin: 'lint',
    build: true,
    defaultSeverity: 'error',
    fixable: true,
    description: 'Zero-width, invisible or control characters (such as U+200B ZERO WIDTH SPACE).',
  },
  'bidi-control': {
    origin: 'lint',
    build: true,
    defaultSeverity: 'error',
    fixable: true,
    description: 'Bidirectional control characters that reorder how text is displayed (such as U+202E).',
  },
  homoglyph: {
    origin: 'lint',
    defaultSeverity: 'error',
    fixable: true,
    description: 'A word that mixes look-alike letters of different scripts, such as a Cyrillic "а" in a Latin word.',
  },
  'unexpected-script': {
    origin: 'lint',
    defaultSeverity: 'warning',
    fixable: false,
    description:
      "A run of words in a script that the site's language does not use, such as Chinese in an English sentence.",
  },
  'repeated-foreign-phrase': {
    origin: 'lint',
    defaultSeverity: 'error',
    fixable: false,
    description: 'The same foreign-script phrase repeated in a file or across files, a sign of spam.',
  },
  'stray-symbol': {
    origin: 'lint',
    defaultSeverity: 'warning',
    fixable: false,
    description:
      'Emoji or symbols inside a word, replacement characters (U+FFFD), private-use characters and mojibake.',
  },
  'translation-stale': {
    origin: 'lint',
    defaultSeverity: 'warning',
    fixable: false,
    description:
      'A translation whose source has changed since the revision in its `sourceRevision` (and not only by a minor edit).',
  },
  'translation-revision': {
    origin: 'lint',
    defaultSeverity: 'warning',
    fixable: true,
    description: 'A translation without `sourceRevision`; `--fix` records the revision of its source as it is now.',
  },
  'missing-redirect': {
    origin: 'lint',
    defaultSeverity: 'warning',
    fixable: false,
    description: 'An article that git shows was renamed or moved, whose old URL is not in `redirectFrom`.',
  },
} as const satisfies Record<string, RuleInfo>;

export type RuleId = keyof typeof RULES;

export const RULE_IDS = Object.keys(RULES) as RuleId[];

export function isRuleId(id: string): id is RuleId {
  return Object.hasOwn(RULES, id);
}

/** The linter's rules that `astro build` runs as well: what a reader must never see broken. */
export const BUILD_RULE_IDS = RULE_IDS.filter((id) => (RULES[id] as RuleInfo).build === true);

/** Rules whose severity `lint.rules` may change. */
export function isConfigurable(id: RuleId): boolean {
  return RULES[id].origin === 'lint';
}
