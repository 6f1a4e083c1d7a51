/**
 * Ticket-form deflection (the in-product widget attached to a contact form): from the form
 * events (channel "form"), how many forms were started, how many customers saw suggested
 * articles and then did not submit (deflected), per subject and per article opened. Pure: the
 * caller loads the search events.
 */
import type { StoredSearchEvent } from '../../feedback/server/stores/types.ts';

export interface DeflectionRow {
  /** The normalised subject, or the article's site path. */
  key: string;
  /** Forms started with this subject (or in which this article was opened). */
  started: number;
  /** Of those, forms with suggestions shown and not submitted. */
  deflected: number;
  /** Of those, forms submitted anyway. */
  submitted: number;
  lastSeen: string;
}

export interface DeflectionSummary {
  /** Forms whose subject the customer typed. */
  formsStarted: number;
  /** Forms where articles were suggested. */
  withSuggestions: number;
  /** Forms where a suggested article was opened. */
  articleOpened: number;
  /** Forms with suggestions that were not submitted: the customer saw an answer and left it there. */
  deflected: number;
  /** Forms submitted (with or without suggestions). */
  submitted: number;
  /** deflected / formsStarted, or null without forms. */
  deflectionRate: number | null;
  bySubject: DeflectionRow[];
  byArticle: DeflectionRow[];
}

const isDeflected = (e: StoredSearchEvent) => e.resultCount > 0 && e.formSubmitted === false;

function addRow(rows: Map<string, DeflectionRow>, key: string, e: StoredSearchEvent): void {
  const row = rows.get(key) ?? { key, started: 0, deflected: 0, submitted: 0, lastSeen: '' };
  row.started++;
  if (isDeflected(e)) row.deflected++;
  if (e.formSubmitted) row.submitted++;
  if (e.day > row.lastSeen) row.lastSeen = e.day;
  rows.set(key, row);
}

const byStarted = (a: DeflectionRow, b: DeflectionRow) =>
  b.started - a.started || b.deflected - a.deflected || a.key.localeCompare(b.key);

export function buildDeflection(events: readonly StoredSearchEvent[], limit = 20): DeflectionSummary {
  const forms = events.filter((e) => e.channel === 'form');
  const subjects = new Map<string, DeflectionRow>();
  const articles = new Map<string, DeflectionRow>();
  for (const e of forms) {
    addRow(subjects, e.query, e);
    if (e.opened) addRow(articles, e.opened, e);
  }
  const deflected = forms.filter(isDeflected).length;
  return {
    formsStarted: forms.length,
    withSuggestions: forms.filter((e) => e.resultCount > 0).length,
    articleOpened: forms.filter((e) => e.opened).length,
    deflected,
    submitted: forms.filter((e) => e.formSubmitted).length,
    deflectionRate: forms.length ? deflected / forms.length : null,
    bySubject: [...subjects.values()].sort(byStarted).slice(0, limit),
    byArticle: [...articles.values()].sort(byStarted).slice(0, limit),
  };
}
