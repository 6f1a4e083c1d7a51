/**
 * Search insights for writers (site setting `searchInsights`): content gaps (queries with no
 * results, queries whose results nobody opened, queries followed by a contact click) and
 * suggested synonyms (a query with no results followed, in the same tab, by one that found an
 * article). Pure: the caller loads the search events.
 */
import type { StoredSearchEvent } from '../stores/types.ts';

export interface QueryGap {
  query: string;
  /** How many searches (one per query per page view). */
  searches: number;
  /** The latest UTC day the query was seen, YYYY-MM-DD. */
  lastSeen: string;
}

export interface ContactGap extends QueryGap {
  /** How many of those searches found results at all. */
  withResults: number;
}

export interface SynonymSuggestion {
  /** The query that found nothing: a word readers use that the content does not. */
  query: string;
  /** The query that then found results: what to map it to (content/synonyms.yaml). */
  foundWith: string;
  /** How often readers went from one to the other. */
  count: number;
  lastSeen: string;
  /** The page readers opened most often after the refined query, if any ("/faq/#slug" for a FAQ). */
  opened: string | null;
  /** That page's title (a FAQ's question), when the content still has it. */
  openedTitle: string | null;
}

/** Searches assistants made (channel "assistant": our MCP servers), counted apart from people's. */
export interface AssistantSearches {
  searches: number;
  zeroResultSearches: number;
  /** What they asked most, and what found nothing: customers' questions seen through an assistant. */
  topQueries: QueryGap[];
  noResults: QueryGap[];
}

export interface SearchInsights {
  /** Search events in the period. */
  searches: number;
  /** Searches that found nothing. */
  zeroResultSearches: number;
  contentGaps: {
    noResults: QueryGap[];
    notOpened: QueryGap[];
    contactAfter: ContactGap[];
  };
  suggestedSynonyms: SynonymSuggestion[];
  /** Assistants' searches: not in the figures above, which are people's. */
  assistant: AssistantSearches;
}

const byCountThenRecent =
  <T extends { lastSeen: string; query: string }>(count: (x: T) => number) =>
  (a: T, b: T) =>
    count(b) - count(a) || b.lastSeen.localeCompare(a.lastSeen) || a.query.localeCompare(b.query);

/** `titleOf` names an opened page by its site path (a FAQ's question for "/faq/#slug"). */
export function buildSearchInsights(
  events: readonly StoredSearchEvent[],
  limit = 20,
  titleOf: (path: string) => string | undefined = () => undefined,
): SearchInsights {
  interface QueryStats {
    query: string;
    searches: number;
    withResults: number;
    opened: number;
    contact: number;
    contactWithResults: number;
    lastSeen: string;
    lastZero: string;
    lastContact: string;
  }
  const stats = new Map<string, QueryStats>();
  const synonyms = new Map<string, SynonymSuggestion & { openedCounts: Map<string, number> }>();
  for (const e of events) {
    const s = stats.get(e.query) ?? {
      query: e.query,
      searches: 0,
      withResults: 0,
      opened: 0,
      contact: 0,
      contactWithResults: 0,
      lastSeen: '',
      lastZero: '',
      lastContact: '',
    };
    s.searches++;
    if (e.day > s.lastSeen) s.lastSeen = e.day;
    if (e.resultCount > 0) s.withResults++;
    else if (e.day > s.lastZero) s.lastZero = e.day;
    if (e.opened) s.opened++;
    if (e.contact) {
      s.contact++;
      if (e.resultCount > 0) s.contactWithResults++;
      if (e.day > s.lastContact) s.lastContact = e.day;
    }
    stats.set(e.query, s);

    if (e.refinedFrom && e.resultCount > 0 && e.refinedFrom !== e.query) {
      const key = JSON.stringify([e.refinedFrom, e.query]);
      const syn = synonyms.get(key) ?? {
        query: e.refinedFrom,
        foundWith: e.query,
        count: 0,
        lastSeen: '',
        opened: null,
        openedTitle: null,
        openedCounts: new Map<string, number>(),
      };
      syn.count++;
      if (e.day > syn.lastSeen) syn.lastSeen = e.day;
      if (e.opened) syn.openedCounts.set(e.opened, (syn.openedCounts.get(e.opened) ?? 0) + 1);
      synonyms.set(key, syn);
    }
  }
  const all = [...stats.values()];
  const noResults = all
    .filter((s) => s.searches > s.withResults)
    .map((s) => ({ query: s.query, searches: s.searches - s.withResults, lastSeen: s.lastZero }))
    .sort(byCountThenRecent((x) => x.searches))
    .slice(0, limit);
  const notOpened = all
    .filter((s) => s.withResults > 0 && s.opened === 0)
    .map((s) => ({ query: s.query, searches: s.withResults, lastSeen: s.lastSeen }))
    .sort(byCountThenRecent((x) => x.searches))
    .slice(0, limit);
  const contactAfter = all
    .filter((s) => s.contact > 0)
    .map((s) => ({ query: s.query, searches: s.contact, withResults: s.contactWithResults, lastSeen: s.lastContact }))
    .sort(byCountThenRecent((x) => x.searches))
    .slice(0, limit);
  const suggestedSynonyms = [...synonyms.values()]
    .map(({ openedCounts, ...syn }) => {
      const opened = [...openedCounts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? null;
      return { ...syn, opened, openedTitle: (opened && titleOf(opened)) ?? null };
    })
    .sort(
      (a, b) =>
        b.count - a.count ||
        b.lastSeen.localeCompare(a.lastSeen) ||
        a.query.localeCompare(b.query) ||
        a.foundWith.localeCompare(b.foundWith),
    )
    .slice(0, limit);
  return {
    searches: events.length,
    zeroResultSearches: events.filter((e) => e.resultCount === 0).length,
    contentGaps: { noResults, notOpened, contactAfter },
    suggestedSynonyms,
    assistant: buildAssistantSearches([], limit),
  };
}

/** Assistants' searches (events of channel "assistant"): how many, the top queries, those that found nothing. */
export function buildAssistantSearches(events: readonly StoredSearchEvent[], limit = 20): AssistantSearches {
  const all = new Map<string, QueryGap>();
  const zero = new Map<string, QueryGap>();
  const add = (map: Map<string, QueryGap>, e: StoredSearchEvent) => {
    const row = map.get(e.query) ?? { query: e.query, searches: 0, lastSeen: e.day };
    row.searches++;
    if (e.day > row.lastSeen) row.lastSeen = e.day;
    map.set(e.query, row);
  };
  for (const e of events) {
    add(all, e);
    if (e.resultCount === 0) add(zero, e);
  }
  const top = (map: Map<string, QueryGap>) =>
    [...map.values()].sort(byCountThenRecent((r) => r.searches)).slice(0, limit);
  return {
    searches: events.length,
    zeroResultSearches: events.filter((e) => e.resultCount === 0).length,
    topQueries: top(all),
    noResults: top(zero),
  };
}
