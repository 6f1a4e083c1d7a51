/** What the readers of each source hand to the common import steps, and what an import reports. */
import type { VoteBaselineEntry } from '../../feedback/vote-baseline.ts';
import type { UnsafeCounts } from '../../lib/sanitize-html.ts';
import type { ImportRefusal } from './safe-paths.ts';

export const IMPORT_SOURCES = [
  'zendesk',
  'intercom',
  'helpscout',
  'freshdesk',
  'document360',
  'jekyll',
  'hugo',
  'docusaurus',
  'mkdocs',
] as const;
export type ImportSource = (typeof IMPORT_SOURCES)[number];

/** A category or section of the source, before it gets our id. */
export interface SourceGroup {
  /** The source's key for it (a folder path, an API id). */
  key: string;
  title: string;
  description?: string;
  order?: number;
}

/** One page of the source, its body already Markdown. */
export interface SourcePage {
  /** Where it came from, for the summary: a file path relative to the source, or "articles.json#123". */
  origin: string;
  kind: 'article' | 'faq';
  category: SourceGroup;
  section?: SourceGroup;
  /** The slug the source suggests (a file name, the export's slug); cleaned and made unique later. */
  slugHint: string;
  /** A translation's locale; undefined for the default language. */
  locale?: string;
  /** Pairs translations with their default-language page: the same key. */
  translationOf?: string;
  title: string;
  description?: string;
  body: string;
  tags: string[];
  order?: number;
  draft: boolean;
  featured?: boolean;
  updated?: string;
  /** Who keeps it up to date: the source's own `owner`/`author` name (never an account id). */
  owner?: string;
  /** Old site paths ("/docs/install/") and full URLs of this page: they become redirects. */
  oldUrls: string[];
  /** Keys other pages link to it by: source file paths, ids. */
  linkKeys: string[];
  /** The page only redirected there: it becomes a redirect, not an article. */
  redirectTo?: string;
  /** Folder of the source file (absolute), for relative images and links; undefined for API exports. */
  sourceDir?: string;
  /** Frontmatter keys dropped because they mean nothing here. */
  droppedKeys: string[];
  /** The votes the page had on the hosted desk: the report's imported baseline. */
  votes?: VoteBaselineEntry;
}

/** Something the writer should look at, by file. */
export interface ImportNote {
  origin: string;
  message: string;
}

/** Counters the conversion steps add to. */
export interface ConversionCounts {
  /** Other generators' syntax turned into ours: the message is the kind ("Hugo hint -> callout"). */
  converted: ImportNote[];
  templateSyntaxRemoved: ImportNote[];
  /** Unsafe HTML the sanitiser removed, by kind, per source item (its origin). */
  unsafeHtmlRemoved: Map<string, UnsafeCounts>;
  includesToFill: ImportNote[];
}

export interface SourceSet {
  pages: SourcePage[];
  /** Pages not imported, with the reason. */
  skipped: ImportNote[];
  /** How folders or groups were mapped, one line each. */
  mappings: string[];
  /** The source's default language, when it says. */
  language?: string;
  /** The old site's address, when the source says (a hosted desk's URLs). */
  siteUrl?: string;
  /** The source's static files folder (absolute): site-absolute image paths are looked up there. */
  staticDirs: string[];
  /** Site path prefix of the old site (Jekyll baseurl, Docusaurus baseUrl). */
  basePath?: string;
}

export interface ImportSummary {
  imported: Array<{ file: string; origin: string }>;
  skipped: ImportNote[];
  renamed: Array<{ origin: string; file: string; reason: string }>;
  redirects: number;
  externalRedirects: number;
  unresolvedLinks: ImportNote[];
  imagesCopied: number;
  imagesMissing: ImportNote[];
  imagesRemote: ImportNote[];
  /** Other generators' syntax turned into ours, by kind (the message) and page. */
  converted: ImportNote[];
  /** Links to old-site pages that were not imported, made absolute with --old-site. */
  linksToOldSite: ImportNote[];
  /** `<video>` and `<audio>` sources the source does not have. */
  mediaMissing: ImportNote[];
  templateSyntaxRemoved: ImportNote[];
  includesToFill: ImportNote[];
  /** Unsafe HTML the sanitiser removed, by kind (lib/sanitize-html.ts). */
  unsafeHtmlRemoved: UnsafeCounts;
  /** The same, per source item: what each lost, for the writer to check. */
  unsafeHtmlByOrigin: ImportNote[];
  droppedKeys: Record<string, number>;
  mappings: string[];
  translations: number;
  /** --split-faq: each page split into FAQ entries, with its redirects and the anchors that changed. */
  faqSplits: Array<{ origin: string; files: string[]; redirects: string[]; anchorsChanged: string[] }>;
  /** --split-faq: pages with question headings kept as articles, and split pages with something to look at. */
  faqNotSplit: ImportNote[];
  /** Items left out because a value of theirs cannot safely be a path (safe-paths.ts). */
  refused: ImportRefusal[];
}

export interface PlannedFile {
  /** Path relative to the project root ("content/articles/billing/refunds.md", "public/images/..."). */
  path: string;
  /** Text to write, or the absolute path of a file to copy. */
  text?: string;
  copyFrom?: string;
  /** True when a file is there already and differs: written only with --force. */
  exists: boolean;
}

export interface ImportResult {
  summary: ImportSummary;
  files: PlannedFile[];
  /** Files not written because they exist (without --force). */
  kept: string[];
  written: boolean;
}
