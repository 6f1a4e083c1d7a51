/** Search quality figures over a set of ranks: hit@1, hit@3 and mean reciprocal rank over the top 10. */

/** Ranks below this are not counted (reciprocal rank 0); the check reports "not found" for them. */
export const PROBE_DEPTH = 10;
/** A probe passes when its page is at most this far down: the first screen of results. */
export const PASS_RANK = 3;

export interface SearchFigures {
  probes: number;
  /** Share of probes whose page came first (0..1, three decimals). */
  hitAt1: number;
  /** Share in the top 3. */
  hitAt3: number;
  /** Mean of 1/rank over the top PROBE_DEPTH results (0 for not found). */
  mrr: number;
  /** Probes whose page is not in the top 3. */
  misses: number;
}

export const isInTop = (rank: number | null, depth = PASS_RANK) => rank !== null && rank <= depth;

export function getSearchFigures(ranks: readonly (number | null)[]): SearchFigures {
  const n = ranks.length;
  const round = (x: number) => Math.round(x * 1000) / 1000;
  const hit1 = ranks.filter((r) => r === 1).length;
  const hit3 = ranks.filter((r) => isInTop(r)).length;
  const rr = ranks.reduce<number>((sum, r) => sum + (r !== null && r <= PROBE_DEPTH ? 1 / r : 0), 0);
  return {
    probes: n,
    hitAt1: n ? round(hit1 / n) : 0,
    hitAt3: n ? round(hit3 / n) : 0,
    mrr: n ? round(rr / n) : 0,
    misses: n - hit3,
  };
}
