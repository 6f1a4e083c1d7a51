/**
 * The endpoint's housekeeping, run on the first request after each 01:00 UTC (every runtime)
 * and on a timer in the Node server: delete salts past their grace hour, forget old
 * de-duplication ids, and apply the retention limits to comments and search events.
 */
import type { FeedbackLogger } from './logger.ts';
import { getOldestKeptSaltDay } from './privacy/salts.ts';
import type { FeedbackStore } from './stores/types.ts';

const DAY_MS = 86_400_000;

export interface RetentionSettings {
  /** De-duplication ids are forgotten after this many days. */
  eventIdDays: number;
  /** A vote's comment (its free text) is erased this many days after it was written; the vote stays. */
  commentDays: number;
  /** Search events are deleted this many days after they arrived. */
  searchEventDays: number;
}

/** The documented defaults (docs/feedback.md, "Retention"). */
export const DEFAULT_RETENTION: RetentionSettings = { eventIdDays: 30, commentDays: 365, searchEventDays: 90 };

export type MaintenanceStore = Pick<
  FeedbackStore,
  'deleteSaltsBefore' | 'deleteEventIdsBefore' | 'deleteCommentsBefore' | 'deleteSearchEventsBefore'
>;

/** One maintenance pass at `now`; logs what it removed and never throws. */
export async function runMaintenance(
  store: MaintenanceStore,
  retention: RetentionSettings,
  now: number,
  logger: FeedbackLogger,
): Promise<void> {
  try {
    const removed = {
      salts: await store.deleteSaltsBefore(getOldestKeptSaltDay(now)),
      eventIds: await store.deleteEventIdsBefore(now - retention.eventIdDays * DAY_MS),
      comments: await store.deleteCommentsBefore(now - retention.commentDays * DAY_MS),
      searchEvents: await store.deleteSearchEventsBefore(now - retention.searchEventDays * DAY_MS),
    };
    if (Object.values(removed).some((n) => n > 0)) logger.info('maintenance', removed);
  } catch (err) {
    logger.warn('maintenance_failed', { message: (err as Error).message });
  }
}
