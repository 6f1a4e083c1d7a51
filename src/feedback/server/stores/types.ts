/**
 * The one contract every feedback store meets (SQLite, Postgres). The endpoint and the report
 * know only this interface. Events share `event_ids` for de-duplication; each event type has its
 * own table and its own `record*` method (votes now; search events are the next one).
 */
import type { FeedbackReason } from '../../reasons.ts';

/** The kinds of event the stores know; each has its own table and shares `event_ids`. */
export type FeedbackEventKind = 'vote' | 'search';

/** A validated vote with who/when added by the endpoint. Never holds a raw IP or User-Agent. */
export interface VoteRecord {
  /** Random UUID from the client (or the endpoint for no-JS posts); de-duplicates resends. */
  eventId: string;
  /** "article:<slug>" or "faq:<slug>". */
  itemId: string;
  /** HMAC of the client address, User-Agent and site under the day's salt (hex). */
  visitorHash: string;
  /** UTC day of the vote, YYYY-MM-DD: one vote per item, visitor and day. */
  day: string;
  vote: 'up' | 'down';
  reason: FeedbackReason | null;
  comment: string | null;
  pagePath: string;
  language: string;
  revision: string;
  /**
   * The eventId of the browser's earlier vote on this item, which this one replaces. Only a vote
   * of the same visitor is replaced: its stored visitorHash must equal `visitorHash` or
   * `previousVisitorHash`; any other row with that eventId is left alone.
   */
  replaces: string | null;
  /**
   * The same visitor's hash under yesterday's salt, set only during the first hour of a UTC day
   * (while yesterday's salt still exists), so a change of mind just after midnight still replaces.
   */
  previousVisitorHash?: string | null;
  /** Milliseconds since the epoch (the endpoint's clock). */
  receivedAt: number;
}

/** What recording did: a new row, a changed row (same visitor and day, or `replaces`), or a resend. */
export type RecordOutcome = 'created' | 'updated' | 'duplicate';

/** A vote as stored: one row per item, visitor and day; the latest vote wins. */
export interface StoredVote extends Omit<VoteRecord, 'replaces' | 'previousVisitorHash' | 'receivedAt'> {
  /** When the row was first written (ms). */
  createdAt: number;
  /** When the row last changed (ms); equals createdAt until the reader changes their mind. */
  updatedAt: number;
}

export interface VoteQuery {
  /** Only votes last changed at or after this time (ms). */
  since?: number;
  /** Only votes last changed before this time (ms). */
  until?: number;
}

/**
 * One settled search from the help center's search box (site setting `searchInsights`). It
 * holds no visitor data at all: no hash, no address, no User-Agent, only the UTC day.
 */
export interface SearchEventRecord {
  /** Random UUID from the browser; de-duplicates resends. */
  eventId: string;
  /** UTC day the event arrived, YYYY-MM-DD ("last seen" in the report). */
  day: string;
  /** The normalised query (see normalizeSearchQuery). */
  query: string;
  /** How many results the search found. */
  resultCount: number;
  /** The site path of the result the reader opened, or null. */
  opened: string | null;
  /** The reader clicked a contact link after this search, in the same page view. */
  contact: boolean;
  /** The earlier query in this tab that found nothing and that this one refined, or null. */
  refinedFrom: string | null;
  /** Where the search was typed: the help center, the in-product widget, a ticket form, an assistant (MCP). */
  channel: SearchChannel;
  /** Ticket forms only: whether the customer submitted the form (false: deflected or abandoned); else null. */
  formSubmitted: boolean | null;
  language: string;
  revision: string;
  /** Milliseconds since the epoch (the endpoint's clock). */
  receivedAt: number;
}

export type SearchChannel = 'site' | 'widget' | 'form' | 'assistant';

/** A search event as stored. */
export type StoredSearchEvent = SearchEventRecord;

/** What recording a search event did: a new row, or a resend of an event id already seen. */
export type SearchRecordOutcome = 'created' | 'duplicate';

export interface SearchEventQuery {
  /** Only events received at or after this time (ms). */
  since?: number;
  /** Only events received before this time (ms). */
  until?: number;
}

export interface FeedbackStore {
  /** Which backend this is, for logs and /health. */
  readonly kind: 'sqlite' | 'postgres' | 'd1';
  /** Store one vote; resolves only after it is committed, so a 2xx can follow. */
  recordVote(vote: VoteRecord): Promise<RecordOutcome>;
  /** Votes ordered by last change, oldest first. */
  listVotes(query?: VoteQuery): Promise<StoredVote[]>;
  /** How many vote rows there are. */
  countVotes(): Promise<number>;
  /** Store one search event; resolves only after it is committed. */
  recordSearchEvent(event: SearchEventRecord): Promise<SearchRecordOutcome>;
  /** Search events ordered by arrival, oldest first. */
  listSearchEvents(query?: SearchEventQuery): Promise<StoredSearchEvent[]>;
  /** How many search event rows there are. */
  countSearchEvents(): Promise<number>;
  /** The salt for a UTC day; the first caller's candidate wins, so every instance agrees. */
  getOrCreateSalt(day: string, candidate: string): Promise<string>;
  /** Delete salts of days before `day` (YYYY-MM-DD); returns how many. */
  deleteSaltsBefore(day: string): Promise<number>;
  /** The days that have a salt, oldest first. */
  listSaltDays(): Promise<string[]>;
  /** Forget de-duplication ids received before `time` (ms); returns how many. */
  deleteEventIdsBefore(time: number): Promise<number>;
  /** Erase the comment (set it to null) of votes last changed before `time` (ms); the votes stay. Returns how many. */
  deleteCommentsBefore(time: number): Promise<number>;
  /** Delete search events received before `time` (ms); returns how many. */
  deleteSearchEventsBefore(time: number): Promise<number>;
  /** The highest applied migration. */
  getSchemaVersion(): Promise<number>;
  /** Throws when the store cannot answer; used by /health. */
  ping(): Promise<void>;
  /** Finish pending writes and release the connection(s). Safe to call twice. */
  close(): Promise<void>;
}
