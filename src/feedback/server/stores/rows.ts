/**
 * Rows as both stores read them back, and their mapping to the contract's types. SQLite returns
 * numbers for timestamps and 0/1 for booleans; Postgres returns BIGINT as strings and real
 * booleans, so the mapping normalises both.
 */
import type { StoredSearchEvent, StoredVote } from './types.ts';

export interface VoteRow {
  event_id: string;
  item_id: string;
  visitor_hash: string;
  day: string;
  vote: 'up' | 'down';
  reason: StoredVote['reason'];
  comment: string | null;
  page_path: string;
  language: string;
  revision: string;
  created_at: number | string;
  updated_at: number | string;
}

export interface SearchRow {
  event_id: string;
  day: string;
  query: string;
  result_count: number | string;
  opened: string | null;
  contact: number | boolean;
  refined_from: string | null;
  channel: StoredSearchEvent['channel'];
  form_submitted: number | boolean | null;
  language: string;
  revision: string;
  received_at: number | string;
}

export function toStoredVote(row: VoteRow): StoredVote {
  return {
    eventId: row.event_id,
    itemId: row.item_id,
    visitorHash: row.visitor_hash,
    day: row.day,
    vote: row.vote,
    reason: row.reason,
    comment: row.comment,
    pagePath: row.page_path,
    language: row.language,
    revision: row.revision,
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
  };
}

export function toStoredSearchEvent(row: SearchRow): StoredSearchEvent {
  return {
    eventId: row.event_id,
    day: row.day,
    query: row.query,
    resultCount: Number(row.result_count),
    opened: row.opened,
    contact: Boolean(row.contact),
    refinedFrom: row.refined_from,
    channel: row.channel,
    formSubmitted: row.form_submitted === null ? null : Boolean(row.form_submitted),
    language: row.language,
    revision: row.revision,
    receivedAt: Number(row.received_at),
  };
}
