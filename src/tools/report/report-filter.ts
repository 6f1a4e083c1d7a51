/**
 * `--owner` and `--category` checked against the content: each value becomes the content's own
 * spelling, or an error that lists the valid values and the likely one.
 */
import { findClosest } from '../../lib/did-you-mean.ts';
import type { ReportContentItem, ReportFilter } from './build-report.ts';

/** An --owner or --category value the content does not have. */
export class ReportFilterError extends Error {}

function resolve(flag: 'owner' | 'category', given: readonly string[], valid: readonly string[]): string[] {
  return given.map((value) => {
    const exact = valid.find((v) => v.toLowerCase() === value.toLowerCase());
    if (exact) return exact;
    const closest = findClosest(value, valid);
    const list = valid.length ? valid.map((v) => `"${v}"`).join(', ') : 'none (no article has one)';
    throw new ReportFilterError(
      `--${flag} "${value}" is not ${flag === 'owner' ? 'the owner of any article' : 'a category of the content'}${
        closest ? `; did you mean "${closest}"?` : ''
      }\nValid ${flag === 'owner' ? 'owners' : 'categories'}: ${list}`,
    );
  });
}

/** The filter in the content's spelling. @throws ReportFilterError naming the flag, the valid values and the closest one. */
export function resolveReportFilter(
  items: readonly ReportContentItem[],
  owners: readonly string[],
  categories: readonly string[],
  categoryIds: readonly string[] = [...new Set(items.map((i) => i.category))],
): ReportFilter {
  const validOwners = [...new Set(items.flatMap((i) => (i.owner ? [i.owner] : [])))].sort((a, b) => a.localeCompare(b));
  return {
    owners: resolve('owner', owners, validOwners),
    categories: resolve('category', categories, [...categoryIds]),
  };
}
