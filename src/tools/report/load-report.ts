/**
 * Gather what the report needs: votes from the configured store, content from loadContent,
 * last changes from git. Returns the report data; no console, no process.exit.
 */
import { loadContent } from '../../content/load.ts';
import { loadGitHistory } from '../../content/git-history.ts';
import { getArticlePath, getFaqPath, getFeedbackId, withBase } from '../../content/routes.ts';
import { existsSync } from 'node:fs';
import { ErrorCodes, HelpCenterError } from '../../lib/errors.ts';
import { createStore, isPostgresUrl } from '../../feedback/server/stores/create-store.ts';
import { buildFeedbackReport, type FeedbackReport, type ReportContentItem } from './build-report.ts';

export interface LoadReportOptions {
  /** Project root holding the content folder (the CLI passes --root, default the current folder). */
  root: string;
  /** The content folder, relative to `root`. Default "content". */
  contentDir?: string;
  /** A SQLite file or a postgres:// URL. */
  store: string;
  since?: Date;
  now?: Date;
}

/** Articles and FAQs of the content as report items, with their feedback ids. */
export function loadReportItems(root: string, contentDir = 'content'): ReportContentItem[] {
  const content = loadContent(root, contentDir);
  const base = content.site?.base ?? '/';
  const sectionTitles = new Map(content.categories.flatMap((c) => c.sections.map((s) => [`${c.id}/${s.id}`, s.title])));
  const sectionOf = (e: { category: string; section: string | undefined }) =>
    e.section === undefined ? null : (sectionTitles.get(`${e.category}/${e.section}`) ?? e.section);
  return [
    ...content.articles.map((a) => ({
      id: getFeedbackId('article', a.id),
      kind: 'article' as const,
      title: a.data.title,
      owner: a.data.owner ?? null,
      category: a.category,
      section: sectionOf(a),
      path: withBase(base, getArticlePath(a.category, a.id)),
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
      file: f.file,
      draft: f.data.draft,
    })),
  ];
}

export async function loadFeedbackReport(options: LoadReportOptions): Promise<FeedbackReport> {
  if (!isPostgresUrl(options.store) && !existsSync(options.store)) {
    throw new HelpCenterError(
      ErrorCodes.FeedbackStoreFailed,
      `there is no feedback database at ${options.store}; run the endpoint (helpdesk-kit feedback serve) to collect votes, or point --store, FEEDBACK_DB or FEEDBACK_STORE_URL at the right store`,
    );
  }
  const items = loadReportItems(options.root, options.contentDir);
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
    });
  } finally {
    await store.close();
  }
}
