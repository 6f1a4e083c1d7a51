/**
 * A filled honeypot or a bot: answered like an accepted event (so nothing is learned from the
 * answer), stored nowhere, and counted.
 */
import { isBotRequest } from '../bots.ts';
import type { FeedbackCounters } from '../counters.ts';

export function isSilentlyDropped(
  honeypot: string | undefined,
  headers: Headers,
  dropBots: boolean,
  counters: FeedbackCounters,
): boolean {
  if (honeypot) {
    counters.increment('dropped.honeypot');
    return true;
  }
  if (dropBots && isBotRequest(headers)) {
    counters.increment('dropped.bot');
    return true;
  }
  return false;
}
