/**
 * In-process counters of what the endpoint did, including silent drops (bots, honeypot,
 * unknown ids) that the client is never told about. Shown in /feedback/summary.
 */

export type CounterName =
  | 'accepted.created'
  | 'accepted.updated'
  | 'accepted.duplicate'
  | 'accepted.search_created'
  | 'accepted.search_duplicate'
  | 'dropped.bot'
  | 'dropped.honeypot'
  | 'dropped.unknown_item'
  | 'rejected.invalid'
  | 'rejected.too_large'
  | 'rejected.media_type'
  | 'rejected.origin'
  | 'rejected.rate_limited'
  | 'rejected.challenge'
  | 'errors.internal';

export interface FeedbackCounters {
  increment(name: CounterName, by?: number): void;
  get(name: CounterName): number;
  /** A copy of every non-zero counter. */
  snapshot(): Record<string, number>;
}

export function createFeedbackCounters(): FeedbackCounters {
  const values = new Map<CounterName, number>();
  return {
    increment(name, by = 1) {
      values.set(name, (values.get(name) ?? 0) + by);
    },
    get(name) {
      return values.get(name) ?? 0;
    },
    snapshot() {
      return Object.fromEntries([...values].sort(([a], [b]) => a.localeCompare(b)));
    },
  };
}
