/**
 * Gather what the report needs: votes from the configured store, content from loadContent,
 * last changes from git. Returns the report data; no console, no process.exit.
 */
import { loadContent } from '../../content/load.ts';
import { loadGitHistory } from '../../content/git-history.ts';
import { getArticlePath, getFaqPath, getFeedbackId, withBase } from '../../content/routes.ts';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { getLocales } from '../../content/locales.ts';
import { createSiteTranslator } from '../../content/ui-strings-file.ts';
import { FEEDBACK_REASONS, type FeedbackReason } from '../../feedback/reasons.ts';
import { readVoteBaseline } from '../../feedback/vote-baseline.ts';
import { ErrorCodes, HelpCenterError } from '../../lib/errors.ts';
import { createStore, isPostgresUrl } from '../../feedback/server/stores/create-store.ts';
import { buildFeedbackReport, type FeedbackReport, type ReportContentItem } from './build-report.ts';
import { resolveReportFilter } from './report-filter.ts';

export interface LoadReportOptions {
  /** Project root holding the content folder (the CLI passes --root, default the current folder). */
  root: string;
  /** The content folder, relative to `root`. Default "content". */
  contentDir?: string;
  /** A SQLite file or a postgres:// URL. */
  store: string;
  since?: Date;
  now?: Date;
  /** --owner and --category as given; checked against the content (ReportFilterError). */
  owners?: readonly string[];
  categories?: readonly string[];
}

/** The same join as the article page's "Edit this page" link: exactly one slash between. */
const joinEditUrl = (editUrl: string, file: string) => `${editUrl.replace(/\/+$/, '')}/${file.replace(/^\/+/, '')}`;

/**
 * The labels the widget showed for each reason: the site's default language, with the site's
 * content/ui.yaml over our dictionary, as on the pages.
 */
function getReasonLabels(root: string, contentDir: string, language: string): Record<FeedbackReason, string> {
  const ui = createSiteTranslator(root, path.join(root, contentDir), language);
  return Object.fromEntries(FEEDBACK_REASONS.map((r) => [r, ui.t(`feedback.reason.${r}`)])) as Record<
    FeedbackReason,
    string
  >;
}

/** Articles and FAQs of the content as report items, with their feedback ids. */
export function loadReportItems(root: string, contentDir = 'content'): ReportContentItem[] {
  return loadReportContent(root, contentDir).items;
}

/** The report's items, the category ids in categories.yaml's order, and the site's default language. */
function loadReportContent(
  root: string,
  contentDir = 'content',
): { items: ReportContentItem[]; categoryIds: string[]; language: string } {
  const content = loadContent(root, contentDir);
  const base = content.site?.base ?? '/';
  const siteUrl = content.site?.url;
  const editUrl = content.site?.editUrl;
  const links = (sitePath: string, file: string) => ({
    url: siteUrl ? new URL(sitePath, siteUrl).toString() : null,
    editUrl: editUrl ? joinEditUrl(editUrl, file) : null,
  });
  const sectionTitles = new Map(content.categories.flatMap((c) => c.sections.map((s) => [`${c.id}/${s.id}`, s.title])));
  const sectionOf = (e: { category: string; section: string | undefined }) =>
    e.section === undefined ? null : (sectionTitles.get(`${e.category}/${e.section}`) ?? e.section);
  const items = [
    ...content.articles.map((a) => ({
      id: getFeedbackId('article', a.id),
      kind: 'article' as const,
      title: a.data.title,
      owner: a.data.owner ?? null,
      category: a.category,
      section: sectionOf(a),
      path: withBase(base, getArticlePath(a.category, a.id)),
      ...links(withBase(base, getArticlePath(a.category, a.id)), a.file),
      file: a.file,
      draft: a.data.draft,
    })),
    ...content.faqs.map((f) => ({
      id: getFeedbackId('faq', f.id),
      kind: 'faq' as const,
      title: f.data.question,
      owner: null,
      category: f.category,
      section: sectionOf(f),
      path: withBase(base, getFaqPath(f.id)),
      ...links(withBase(base, getFaqPath(f.id)), f.file),
      file: f.file,
      draft: f.data.draft,
    })),
  ];
  const language = content.site ? (getLocales(content.site)[0]?.code ?? 'en') : 'en';
  return { items, categoryIds: content.categories.map((c) => c.id), language };
}

export async function loadFeedbackReport(options: LoadReportOptions): Promise<FeedbackReport> {
  if (!isPostgresUrl(options.store) && !existsSync(options.store)) {
    throw new HelpCenterError(
      ErrorCodes.FeedbackStoreFailed,
      `there is no feedback database at ${options.store}; run the endpoint (helpdesk-kit feedback serve) to collect votes, or point --store, FEEDBACK_DB or FEEDBACK_STORE_URL at the right store`,
    );
  }
  const contentDir = options.contentDir ?? 'content';
  const { items, categoryIds, language } = loadReportContent(options.root, contentDir);
  const filter = resolveReportFilter(items, options.owners ?? [], options.categories ?? [], categoryIds);
  const baseline = readVoteBaseline(options.root, path.join(options.root, contentDir));
  const history = loadGitHistory(options.root, options.contentDir);
  const store = await createStore({ location: options.store });
  try {
    const votes = await store.listVotes({ since: options.since?.getTime() });
    const searchEvents = await store.listSearchEvents({ since: options.since?.getTime() });
    return buildFeedbackReport({
      votes,
      searchEvents,
      items,
      lastChanged: history.lastChanged,
      renamedFrom: history.renamedFrom,
      since: options.since,
      now: options.now ?? new Date(),
      filter,
      baseline,
      reasonLabels: getReasonLabels(options.root, contentDir, language),
    });
  } finally {
    await store.close();
  }
}
