/**
 * The verdict of a search check: each probe's rank now against the baseline's (the results saved
 * from the main branch's build), and whether the check fails. Pure.
 *
 * Without a baseline every probe must have its page in the top 3. With one, only a probe that was
 * in the top 3 and is not now fails: probes that were already weak, or that the baseline does not
 * have, are reported but do not block a pull request. A probe whose page is not published always
 * fails: it is a removed or renamed page, or a typo in the probe.
 */
import type { Position } from '../../content/yaml-source.ts';
import { isInTop, PASS_RANK } from './figures.ts';

export interface ProbeOutcome {
  query: string;
  expect: string;
  /** The language whose index was searched. */
  language: string;
  kind?: string;
  /** Where the probe is written. */
  line: number;
  column: number;
  expectAt: Position;
  /** 1-based rank of the expected page in the top 10, or null when it is not there. */
  rank: number | null;
  /** The first results, best first. */
  top: string[];
  /** Why the expected page cannot be found at all (not published), when so. */
  missingPage?: string;
}

/** A probe as the baseline saved it. */
export interface BaselineProbe {
  query: string;
  language: string;
  expect: string;
  rank: number | null;
}

export type ProbeChange = 'better' | 'worse' | 'same' | 'new';

export interface ComparedProbe extends ProbeOutcome {
  /** The baseline's rank; undefined when the baseline has no such probe (or expected another page). */
  before?: number | null;
  change: ProbeChange;
  /** Places gained (positive) or lost (negative), when both ranks are in the top 10. */
  places?: number;
  /** Why the probe fails the check; undefined when it passes. */
  failure?: string;
}

export interface CheckSummary {
  better: number;
  worse: number;
  same: number;
  new: number;
  failed: number;
}

export const getProbeKey = (p: { language: string; query: string }) => `${p.language}\u0000${p.query.toLowerCase()}`;

const describeRank = (rank: number | null) => (rank === null ? 'not in the top 10' : `#${rank}`);

/** `baseline` undefined: no baseline given (every probe must be in the top 3). */
export function compareProbes(outcomes: readonly ProbeOutcome[], baseline?: readonly BaselineProbe[]): ComparedProbe[] {
  const before = new Map((baseline ?? []).map((b) => [getProbeKey(b), b]));
  return outcomes.map((o) => {
    const was = before.get(getProbeKey(o));
    const matched = was !== undefined && was.expect === o.expect ? was : undefined;
    const compared: ComparedProbe = { ...o, change: 'new' };
    if (matched) {
      compared.before = matched.rank;
      compared.change = getChange(matched.rank, o.rank);
      if (matched.rank !== null && o.rank !== null && matched.rank !== o.rank) compared.places = matched.rank - o.rank;
    }
    compared.failure = getFailure(o, baseline === undefined, matched);
    return compared;
  });
}

function getChange(was: number | null, now: number | null): ProbeChange {
  if (was === now) return 'same';
  if (now === null) return 'worse';
  if (was === null) return 'better';
  return now < was ? 'better' : 'worse';
}

function getFailure(o: ProbeOutcome, noBaseline: boolean, was: BaselineProbe | undefined): string | undefined {
  if (o.missingPage) return o.missingPage;
  if (isInTop(o.rank)) return undefined;
  const first = o.top[0] ? `; first is ${o.top[0]}` : '; the search finds nothing';
  if (noBaseline)
    return `${o.expect} is ${o.rank === null ? 'not in the top 10' : `#${o.rank}, not in the top ${PASS_RANK}`}${first}`;
  if (was && isInTop(was.rank))
    return `${o.expect} fell out of the top ${PASS_RANK}: ${describeRank(was.rank)} before, ${describeRank(o.rank)} now${first}`;
  return undefined;
}

export function getCheckSummary(probes: readonly ComparedProbe[]): CheckSummary {
  const count = (change: ProbeChange) => probes.filter((p) => p.change === change).length;
  return {
    better: count('better'),
    worse: count('worse'),
    same: count('same'),
    new: count('new'),
    failed: probes.filter((p) => p.failure !== undefined).length,
  };
}

/** "better by 2", "worse by 1", "worse: not found now", "better: found now", "same", "new": the change in words. */
export function describeChange(p: Pick<ComparedProbe, 'change' | 'places'>): string {
  if (p.change === 'new' || p.change === 'same') return p.change;
  if (p.places !== undefined) return `${p.change} by ${Math.abs(p.places)}`;
  return p.change === 'worse' ? 'worse: not found now' : 'better: found now';
}
