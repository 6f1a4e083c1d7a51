/**
 * Lower bound of the Wilson score interval for the share of "helpful" votes. With few votes the
 * bound is low, with many it approaches the observed share, so sorting by it ascending puts the
 * articles that most surely need work first without over-reacting to one "No".
 */

/** z for a two-sided 95% interval. */
export const WILSON_Z = 1.959963984540054;

/** The lower bound in [0, 1]; 0 when there are no votes. */
export function getWilsonLowerBound(positive: number, total: number, z = WILSON_Z): number {
  if (total <= 0) return 0;
  const p = positive / total;
  const z2 = z * z;
  const centre = p + z2 / (2 * total);
  const margin = z * Math.sqrt((p * (1 - p)) / total + z2 / (4 * total * total));
  return Math.max(0, (centre - margin) / (1 + z2 / total));
}
