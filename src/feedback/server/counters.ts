/**
 * In-process counters of what the endpoint did, including silent drops (bots, honeypot,
 * unknown ids) that the client is never told about. Shown in /feedback/summary; the drops also in
 * /health and the Node server's periodic `activity` log line, so a vote that got a 202 and left no
 * row can be told from a lost one.
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
  | 'accepted.contact'
  | 'errors.contact_delivery'
  | 'errors.internal';

export interface FeedbackCounters {
  increment(name: CounterName, by?: number): void;
  get(name: CounterName): number;
  /** A copy of every non-zero counter. */
  snapshot(): Record<string, number>;
}

/** The silent drops by reason, zeros included: counts only, nothing about who sent them. */
export function getDroppedCounts(counters: FeedbackCounters): { bot: number; honeypot: number; unknownItem: number } {
  return {
    bot: counters.get('dropped.bot'),
    honeypot: counters.get('dropped.honeypot'),
    unknownItem: counters.get('dropped.unknown_item'),
  };
}

/** What changed between two snapshots (the counters only grow): the non-zero differences. */
export function diffCounterSnapshots(
  before: Record<string, number>,
  after: Record<string, number>,
): Record<string, number> {
  return Object.fromEntries(
    Object.entries(after)
      .map(([name, value]) => [name, value - (before[name] ?? 0)] as const)
      .filter(([, delta]) => delta > 0),
  );
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
