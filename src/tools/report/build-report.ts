/**
 * The feedback report as data: one row per article and FAQ (title, owner, votes, helpful share,
 * Wilson lower bound, top reasons, latest comments), votes for ids the content no longer has
 * (deleted, renamed or never known), votes per day, and before/after numbers for items whose
 * file changed in git during the period. Pure: the caller loads votes, content and history.
 */
import { FEEDBACK_REASONS, type FeedbackReason } from '../../feedback/reasons.ts';
import type { VoteBaseline } from '../../feedback/vote-baseline.ts';
import type { StoredSearchEvent, StoredVote } from '../../feedback/server/stores/types.ts';
import {
  buildAssistantSearches,
  buildSearchInsights,
  type SearchInsights,
} from '../../feedback/server/report/search-insights.ts';
import { buildDeflection, type DeflectionSummary } from './deflection.ts';
import {
  getTopReasons,
  summarizeVotes,
  type CommentEntry,
  type VoteTally,
} from '../../feedback/server/report/summarize.ts';
import { getWilsonLowerBound } from '../../feedback/server/report/wilson.ts';

/** An article or FAQ as the report needs it (from loadContent). */
export interface ReportContentItem {
  /** "article:<slug>" or "faq:<slug>". */
  id: string;
  kind: 'article' | 'faq';
  title: string;
  owner: string | null;
  category: string;
  /** The section's title, when the item is in a section. */
  section?: string | null;
  /** Site path of the page. */
  path: string;
  /** The page's address on the site (site.yaml's url joined with the path), or null without a url. */
  url?: string | null;
  /** Where a writer edits the file (site.yaml's editUrl joined with the file), or null without one. */
  editUrl?: string | null;
  /** Source file relative to the project root, e.g. content/articles/account/reset-password.md. */
  file: string;
  draft: boolean;
}

export interface ReportInput {
  votes: readonly StoredVote[];
  /** Search events (site setting searchInsights); none gives an empty insights section. */
  searchEvents?: readonly StoredSearchEvent[];
  items: readonly ReportContentItem[];
  /** Last git change per file (relative to the root); empty outside git. */
  lastChanged: ReadonlyMap<string, Date>;
  /** New path -> old paths, from git renames. */
  renamedFrom: ReadonlyMap<string, readonly string[]>;
  /** Start of the period (inclusive), or undefined for all time. */
  since?: Date;
  now: Date;
  /** Latest comments kept per item. */
  commentLimit?: number;
  /** Only these owners' and categories' items (resolved to the content's spelling); empty lists: all. */
  filter?: ReportFilter;
  /** Votes from the help desk the content was imported from (content/imported-votes.yaml). */
  baseline?: VoteBaseline;
  /** The reason labels the widget showed readers, by reason code; the code where none is given. */
  reasonLabels?: Partial<Record<FeedbackReason, string>>;
}

export interface ReportFilter {
  owners: string[];
  categories: string[];
}

/** An item's votes on the help desk it was imported from: shown beside our votes, never added to them. */
export interface ImportedVotes extends SplitStats {
  source: string;
  /** The export's day, YYYY-MM-DD: the votes are every vote up to then. */
  exported: string;
  down: number;
}

export type ItemStatus = 'published' | 'draft' | 'deleted' | 'renamed' | 'unknown';

export interface SplitStats {
  votes: number;
  up: number;
  helpfulShare: number | null;
}

export interface ReportRow {
  id: string;
  kind: 'article' | 'faq';
  title: string;
  owner: string | null;
  /** The category id and the section's title (null when in none, or unknown for orphans). */
  category: string | null;
  section: string | null;
  path: string | null;
  url: string | null;
  editUrl: string | null;
  status: ItemStatus;
  /** For renamed ids: the id the file has now. */
  renamedTo: string | null;
  /** Last git change of the file (deleted: the deletion), ISO date, or null. */
  lastChanged: string | null;
  votes: number;
  up: number;
  down: number;
  helpfulShare: number | null;
  /** Lower bound of the 95% Wilson interval of helpfulness: sort ascending for "needs attention". */
  wilsonLower: number;
  /** `label` is what the widget showed readers for the reason. */
  topReasons: Array<{ reason: FeedbackReason; label: string; count: number }>;
  latestComments: CommentEntry[];
  /** The imported baseline, when content/imported-votes.yaml has one for this id. */
  imported: ImportedVotes | null;
  /** Before/after the file's last change, when that change falls inside the period. */
  edit: { at: string; before: SplitStats; after: SplitStats } | null;
}

export interface FeedbackReport {
  generatedAt: string;
  /** YYYY-MM-DD (a start at UTC midnight), YYYY-MM-DD HH:MM (UTC, from a relative --since), or null for all time. */
  since: string | null;
  /** The owner and category filter, or null when the report covers every item. */
  filter: ReportFilter | null;
  totals: { votes: number; up: number; down: number; helpfulShare: number | null; itemsWithVotes: number };
  /** The imported baseline of the items shown, summed apart from our votes; null without one. */
  importedTotals: (SplitStats & { down: number; items: number; sources: string[] }) | null;
  /** Ids in content/imported-votes.yaml that no article or FAQ has (renamed or deleted since the import). */
  importedUnmatched: string[];
  /** Reason code -> the label readers saw, for every reason. */
  reasonLabels: Record<FeedbackReason, string>;
  /** Published (and draft) items: voted ones by Wilson bound ascending, then the rest by title. */
  items: ReportRow[];
  /** Votes for ids the content does not have: deleted, renamed or unknown. Never dropped. */
  orphans: ReportRow[];
  /** Votes per UTC day in the period. */
  daily: Array<{ day: string; up: number; down: number }>;
  /** Content gaps and suggested synonyms from search events in the period. */
  search: SearchInsights;
  /** Votes and searches per page language (the `language` each carries), most votes first. */
  languages: LanguageStats[];
  /** Ticket-form deflection from the widget's form events in the period. */
  deflection: DeflectionSummary;
}

export interface LanguageStats extends SplitStats {
  language: string;
  searches: number;
  /** Searches that found nothing. */
  searchesWithoutResults: number;
}

const toDay = (d: Date | number) => new Date(d).toISOString().slice(0, 10);

function split(votes: readonly StoredVote[]): SplitStats {
  const up = votes.filter((v) => v.vote === 'up').length;
  return { votes: votes.length, up, helpfulShare: votes.length ? up / votes.length : null };
}

function rowFromTally(
  base: Omit<ReportRow, 'votes' | 'up' | 'down' | 'helpfulShare' | 'wilsonLower' | 'topReasons' | 'latestComments'>,
  t: VoteTally | undefined,
  labels: Record<FeedbackReason, string>,
): ReportRow {
  return {
    ...base,
    votes: t?.total ?? 0,
    up: t?.up ?? 0,
    down: t?.down ?? 0,
    helpfulShare: t?.helpfulShare ?? null,
    wilsonLower: t ? getWilsonLowerBound(t.up, t.total) : 0,
    topReasons: t ? getTopReasons(t).map((r) => ({ reason: r.reason, label: labels[r.reason], count: r.count })) : [],
    latestComments: t?.latestComments ?? [],
  };
}

function toImported(
  entry: { source: string; exported: string; up: number; down: number } | undefined,
): ImportedVotes | null {
  if (!entry) return null;
  const votes = entry.up + entry.down;
  return { ...entry, votes, helpfulShare: votes ? entry.up / votes : null };
}

/** Whether an item passes the filter: its owner (any case) and its category are among those asked for. */
function passes(item: ReportContentItem, filter: ReportFilter | undefined): boolean {
  if (!filter) return true;
  const owner = item.owner?.toLowerCase();
  if (filter.owners.length && !filter.owners.some((o) => o.toLowerCase() === owner)) return false;
  return !filter.categories.length || filter.categories.includes(item.category);
}

const formatSince = (d: Date) => {
  const iso = d.toISOString();
  return iso.slice(11, 16) === '00:00' ? iso.slice(0, 10) : iso.slice(0, 16).replace('T', ' ');
};

/** Where an id's file would live: content/articles/<category>/[<section>/]<slug>.md(x), or the same under content/faqs/. */
function matchesId(file: string, id: string): boolean {
  const [kind, slug] = id.split(':') as [string, string];
  const folder = kind === 'faq' ? 'faqs' : 'articles';
  return new RegExp(
    `(^|/)content/${folder}/[^/]+/(?:[^/]+/)?${slug.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.mdx?$`,
  ).test(file);
}

export function buildFeedbackReport(input: ReportInput): FeedbackReport {
  const since = input.since?.getTime() ?? -Infinity;
  const filter =
    input.filter && (input.filter.owners.length || input.filter.categories.length) ? input.filter : undefined;
  const shownItems = input.items.filter((item) => passes(item, filter));
  const shownIds = new Set(shownItems.map((i) => i.id));
  // A filtered report counts only the votes of the items it shows; votes for removed ids have no owner or category.
  const votes = input.votes.filter(
    (v) => v.updatedAt >= since && v.updatedAt <= input.now.getTime() && (!filter || shownIds.has(v.itemId)),
  );
  const labels = Object.fromEntries(FEEDBACK_REASONS.map((r) => [r, input.reasonLabels?.[r] ?? r])) as Record<
    FeedbackReason,
    string
  >;
  const baseline: VoteBaseline = input.baseline ?? new Map();
  const tallies = summarizeVotes(votes, input.commentLimit ?? 5);
  const byItem = new Map<string, StoredVote[]>();
  for (const v of votes) {
    const list = byItem.get(v.itemId) ?? [];
    list.push(v);
    byItem.set(v.itemId, list);
  }
  const periodStart = input.since?.getTime() ?? Math.min(...votes.map((v) => v.updatedAt), input.now.getTime());

  const known = new Set(input.items.map((i) => i.id));
  // Opened search results by path: a FAQ's "/faq/#slug" is shown as its question.
  const titleByPath = new Map(input.items.map((i) => [i.path, i.title]));
  const items: ReportRow[] = shownItems
    .filter((item) => !item.draft || tallies.has(item.id))
    .map((item) => {
      const changed = input.lastChanged.get(item.file);
      let edit: ReportRow['edit'] = null;
      if (changed && changed.getTime() >= periodStart && changed.getTime() <= input.now.getTime()) {
        const list = byItem.get(item.id) ?? [];
        edit = {
          at: changed.toISOString(),
          before: split(list.filter((v) => v.updatedAt < changed.getTime())),
          after: split(list.filter((v) => v.updatedAt >= changed.getTime())),
        };
      }
      return rowFromTally(
        {
          id: item.id,
          kind: item.kind,
          title: item.title,
          owner: item.owner,
          category: item.category,
          section: item.section ?? null,
          path: item.path,
          url: item.url ?? null,
          editUrl: item.editUrl ?? null,
          status: item.draft ? 'draft' : 'published',
          renamedTo: null,
          lastChanged: changed ? toDay(changed) : null,
          imported: toImported(baseline.get(item.id)),
          edit,
        },
        tallies.get(item.id),
        labels,
      );
    })
    .sort((a, b) => {
      if (a.votes > 0 !== b.votes > 0) return a.votes > 0 ? -1 : 1;
      return a.wilsonLower - b.wilsonLower || b.votes - a.votes || a.title.localeCompare(b.title);
    });

  const orphans: ReportRow[] = [...tallies.values()]
    .filter((t) => !known.has(t.itemId))
    .map((t) => {
      const itemByFile = new Map(input.items.map((i) => [i.file, i]));
      let status: ItemStatus = 'unknown';
      let renamedTo: string | null = null;
      let lastChanged: string | null = null;
      for (const [current, olds] of input.renamedFrom) {
        if (olds.some((old) => matchesId(old, t.itemId)) && itemByFile.has(current)) {
          status = 'renamed';
          renamedTo = itemByFile.get(current)!.id;
        }
      }
      if (status === 'unknown') {
        const deletedFile = [...input.lastChanged.keys()].find((file) => matchesId(file, t.itemId));
        if (deletedFile) {
          status = 'deleted';
          lastChanged = toDay(input.lastChanged.get(deletedFile)!);
        }
      }
      const kind = t.itemId.startsWith('faq:') ? ('faq' as const) : ('article' as const);
      return rowFromTally(
        {
          id: t.itemId,
          kind,
          title: t.itemId,
          owner: null,
          category: null,
          section: null,
          path: null,
          url: null,
          editUrl: null,
          status,
          renamedTo,
          lastChanged,
          imported: toImported(baseline.get(t.itemId)),
          edit: null,
        },
        t,
        labels,
      );
    })
    .sort((a, b) => b.votes - a.votes || a.id.localeCompare(b.id));

  const daily = new Map<string, { day: string; up: number; down: number }>();
  for (const v of votes) {
    const day = toDay(v.updatedAt);
    const d = daily.get(day) ?? { day, up: 0, down: 0 };
    if (v.vote === 'up') d.up++;
    else d.down++;
    daily.set(day, d);
  }
  const up = votes.filter((v) => v.vote === 'up').length;
  const withImported = [...items, ...orphans].flatMap((r) => (r.imported ? [r.imported] : []));
  const importedUp = withImported.reduce((n, i) => n + i.up, 0);
  const importedVotes = withImported.reduce((n, i) => n + i.votes, 0);
  const hasRow = new Set([...input.items.map((i) => i.id), ...tallies.keys()]);
  const periodEvents = (input.searchEvents ?? []).filter(
    (e) => e.receivedAt >= since && e.receivedAt <= input.now.getTime(),
  );
  // A ticket form's subject is not a search of the help center: it counts for deflection only.
  // Assistants' searches are counted apart, so people's figures stay people's.
  const searchEvents = periodEvents.filter((e) => e.channel !== 'form' && e.channel !== 'assistant');
  const assistantEvents = periodEvents.filter((e) => e.channel === 'assistant');
  return {
    generatedAt: input.now.toISOString(),
    since: input.since ? formatSince(input.since) : null,
    filter: filter ? { owners: [...filter.owners], categories: [...filter.categories] } : null,
    totals: {
      votes: votes.length,
      up,
      down: votes.length - up,
      helpfulShare: votes.length ? up / votes.length : null,
      itemsWithVotes: tallies.size,
    },
    importedTotals: withImported.length
      ? {
          votes: importedVotes,
          up: importedUp,
          down: importedVotes - importedUp,
          helpfulShare: importedVotes ? importedUp / importedVotes : null,
          items: withImported.length,
          sources: [...new Set(withImported.map((i) => i.source))].sort(),
        }
      : null,
    importedUnmatched: filter ? [] : [...baseline.keys()].filter((id) => !hasRow.has(id)).sort(),
    reasonLabels: labels,
    items,
    orphans,
    daily: [...daily.values()].sort((a, b) => a.day.localeCompare(b.day)),
    search: {
      ...buildSearchInsights(searchEvents, undefined, (p) => titleByPath.get(p)),
      assistant: buildAssistantSearches(assistantEvents),
    },
    languages: getLanguageStats(votes, searchEvents),
    deflection: buildDeflection(periodEvents),
  };
}

function getLanguageStats(votes: readonly StoredVote[], searches: readonly StoredSearchEvent[]): LanguageStats[] {
  const codes = new Set([...votes.map((v) => v.language), ...searches.map((e) => e.language)]);
  return [...codes]
    .map((language) => {
      const mine = searches.filter((e) => e.language === language);
      return {
        language,
        ...split(votes.filter((v) => v.language === language)),
        searches: mine.length,
        searchesWithoutResults: mine.filter((e) => e.resultCount === 0).length,
      };
    })
    .sort((a, b) => b.votes - a.votes || b.searches - a.searches || a.language.localeCompare(b.language));
}
