/** Pure tallies per item: votes, helpful share, Wilson bound, reasons, latest comments. */
import { FEEDBACK_REASONS, type FeedbackReason } from '../../reasons.ts';
import type { StoredVote } from '../stores/types.ts';
import { getWilsonLowerBound } from './wilson.ts';

export interface CommentEntry {
  text: string;
  vote: 'up' | 'down';
  reason: FeedbackReason | null;
  /** When the comment was left (ms). */
  at: number;
}

export interface VoteTally {
  itemId: string;
  up: number;
  down: number;
  total: number;
  /** up / total, or null without votes. */
  helpfulShare: number | null;
  /** Lower bound of the 95% Wilson interval of helpfulness (0 without votes). */
  wilsonLower: number;
  /** Count per reason, every reason present (0 when unused). */
  reasons: Record<FeedbackReason, number>;
  /** Newest first. */
  latestComments: CommentEntry[];
  /** Newest vote time (ms), or null. */
  lastVoteAt: number | null;
}

export function createEmptyTally(itemId: string): VoteTally {
  const reasons = Object.fromEntries(FEEDBACK_REASONS.map((r) => [r, 0])) as Record<FeedbackReason, number>;
  return {
    itemId,
    up: 0,
    down: 0,
    total: 0,
    helpfulShare: null,
    wilsonLower: 0,
    reasons,
    latestComments: [],
    lastVoteAt: null,
  };
}

/** Tally votes per item id. `commentLimit` caps latest comments per item. */
export function summarizeVotes(votes: readonly StoredVote[], commentLimit = 5): Map<string, VoteTally> {
  const tallies = new Map<string, VoteTally>();
  const comments = new Map<string, CommentEntry[]>();
  for (const v of votes) {
    let t = tallies.get(v.itemId);
    if (!t) {
      t = createEmptyTally(v.itemId);
      tallies.set(v.itemId, t);
    }
    if (v.vote === 'up') t.up++;
    else t.down++;
    if (v.reason) t.reasons[v.reason]++;
    t.lastVoteAt = Math.max(t.lastVoteAt ?? 0, v.updatedAt);
    if (v.comment) {
      const list = comments.get(v.itemId) ?? [];
      list.push({ text: v.comment, vote: v.vote, reason: v.reason, at: v.updatedAt });
      comments.set(v.itemId, list);
    }
  }
  for (const t of tallies.values()) {
    t.total = t.up + t.down;
    t.helpfulShare = t.total ? t.up / t.total : null;
    t.wilsonLower = getWilsonLowerBound(t.up, t.total);
    t.latestComments = (comments.get(t.itemId) ?? []).sort((a, b) => b.at - a.at).slice(0, commentLimit);
  }
  return tallies;
}

/** Reasons used at least once, most frequent first. */
export function getTopReasons(tally: VoteTally): Array<{ reason: FeedbackReason; count: number }> {
  return FEEDBACK_REASONS.map((reason) => ({ reason, count: tally.reasons[reason] }))
    .filter((r) => r.count > 0)
    .sort((a, b) => b.count - a.count);
}
