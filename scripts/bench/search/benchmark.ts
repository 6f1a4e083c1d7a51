/**
 * The search benchmark: reads the query file (with file:line diagnostics), runs each query through
 * a search function and turns the ranks into figures (hit@1, hit@3, mean reciprocal rank over the
 * top 10). No console, no process.exit: scripts/bench-search.ts prints and sets the exit code.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describeIssue, formatIssuePath } from '../../../src/lib/errors.ts';
import type { Diagnostic } from '../../../src/content/diagnostics.ts';
import { parseYamlWithPositions, YamlSyntaxError } from '../../../src/content/yaml-source.ts';
import { findClosest } from '../../../src/lib/did-you-mean.ts';
import { BENCHMARK_KINDS, BenchmarkFileSchema, type BenchmarkKind } from './benchmark-schema.ts';

export const BENCHMARK_FILE = 'search-benchmark.yaml';
/** Ranks below this are not counted (reciprocal rank 0). */
export const BENCHMARK_DEPTH = 10;
/**
 * The CI floor for hit@3, a few points under what is measured (docs/search.md): it fails once
 * three queries drop out of the top 3 (a real regression), not on one new hard query a writer adds.
 */
export const BENCHMARK_HIT3_FLOOR = 0.95;
const RULE = 'search-benchmark';

export interface BenchmarkQuery {
  query: string;
  expect: string;
  kind: BenchmarkKind;
  /** 1-based line of the query in its file. */
  line: number;
}

export interface BenchmarkOutcome extends BenchmarkQuery {
  /** 1-based rank of the expected page in the top results, or null when it is not there. */
  rank: number | null;
  /** The first result URLs, best first. */
  top: string[];
}

export interface BenchmarkFigures {
  queries: number;
  hitAt1: number;
  hitAt3: number;
  /** Mean reciprocal rank over the top BENCHMARK_DEPTH results. */
  mrr: number;
  /** Queries whose expected page is not in the top 3. */
  misses: number;
}

export interface BenchmarkReport extends BenchmarkFigures {
  byKind: Partial<Record<BenchmarkKind, BenchmarkFigures>>;
  outcomes: BenchmarkOutcome[];
}

/**
 * Parse and validate the query file's text. Every expected URL must be a published article or FAQ
 * question (`knownUrls`); problems come back as diagnostics with the file's line and column.
 */
export function parseBenchmark(
  text: string,
  file: string,
  knownUrls: ReadonlySet<string>,
): { queries: BenchmarkQuery[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const error = (line: number, column: number, message: string) =>
    diagnostics.push({ file, line, column, severity: 'error', ruleId: RULE, message });
  let parsed;
  try {
    parsed = parseYamlWithPositions(text);
  } catch (err) {
    if (!(err instanceof YamlSyntaxError)) throw err;
    error(
      err.position.line,
      err.position.column,
      `the YAML does not parse: ${err.message}; check indentation, colons and quotes on this line`,
    );
    return { queries: [], diagnostics };
  }
  const result = BenchmarkFileSchema.safeParse(parsed.value ?? undefined, { reportInput: true });
  if (!result.success) {
    for (const issue of result.error.issues) {
      const path = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0]!] : issue.path;
      const pos = parsed.locate(path);
      const field = formatIssuePath(issue.path);
      error(pos.line, pos.column, field ? `${field}: ${describeIssue(issue)}` : describeIssue(issue));
    }
    return { queries: [], diagnostics };
  }
  const queries = result.data.map((q, i) => ({ ...q, line: parsed.locate([i]).line }));
  queries.forEach((q, i) => {
    if (knownUrls.has(q.expect)) return;
    const pos = parsed.locate([i, 'expect']);
    const near = getClosest(q.expect, knownUrls);
    error(
      pos.line,
      pos.column,
      `[${i}].expect: "${q.expect}" is not a published article or FAQ question; use an article path like "/account/reset-password/" or "/faq/#<faq file name>"${near ? ` (did you mean "${near}"?)` : ''}`,
    );
  });
  return { queries: diagnostics.length > 0 ? [] : queries, diagnostics };
}

/** Read the query file from disk; a missing file is a diagnostic, not an exception. */
export function loadBenchmark(
  absolutePath: string,
  file: string,
  knownUrls: ReadonlySet<string>,
): { queries: BenchmarkQuery[]; diagnostics: Diagnostic[] } {
  if (!existsSync(absolutePath)) {
    return {
      queries: [],
      diagnostics: [
        {
          file,
          line: 1,
          column: 1,
          severity: 'error',
          ruleId: RULE,
          message: `${file} is missing; create it with one "- { query: ..., expect: ..., kind: ... }" line per query`,
        },
      ],
    };
  }
  return parseBenchmark(readFileSync(absolutePath, 'utf8'), file, knownUrls);
}

/** Run every query (one at a time: the numbers must not depend on timing) and record the ranks. */
export async function runBenchmark(
  queries: readonly BenchmarkQuery[],
  search: (query: string) => Promise<readonly string[]>,
): Promise<BenchmarkOutcome[]> {
  const outcomes: BenchmarkOutcome[] = [];
  for (const q of queries) {
    const top = (await search(q.query)).slice(0, BENCHMARK_DEPTH);
    const index = top.indexOf(q.expect);
    outcomes.push({ ...q, rank: index === -1 ? null : index + 1, top });
  }
  return outcomes;
}

export function getBenchmarkFigures(outcomes: readonly BenchmarkOutcome[]): BenchmarkFigures {
  const n = outcomes.length;
  const count = (pred: (o: BenchmarkOutcome) => boolean) => outcomes.filter(pred).length;
  const round = (x: number) => Math.round(x * 1000) / 1000;
  const hit3 = count((o) => o.rank !== null && o.rank <= 3);
  return {
    queries: n,
    hitAt1: n ? round(count((o) => o.rank === 1) / n) : 0,
    hitAt3: n ? round(hit3 / n) : 0,
    mrr: n ? round(outcomes.reduce((sum, o) => sum + (o.rank ? 1 / o.rank : 0), 0) / n) : 0,
    misses: n - hit3,
  };
}

export function getBenchmarkReport(outcomes: readonly BenchmarkOutcome[]): BenchmarkReport {
  const byKind: Partial<Record<BenchmarkKind, BenchmarkFigures>> = {};
  for (const kind of BENCHMARK_KINDS) {
    const of = outcomes.filter((o) => o.kind === kind);
    if (of.length > 0) byKind[kind] = getBenchmarkFigures(of);
  }
  return { ...getBenchmarkFigures(outcomes), byKind, outcomes: [...outcomes] };
}

/** The known URL whose slug is closest to a mistyped one, if it is close enough to be a typo. */
function getClosest(url: string, known: ReadonlySet<string>): string | undefined {
  const slugOf = (u: string) => u.split(/[/#]/).filter(Boolean).pop() ?? '';
  return findClosest(slugOf(url), known, slugOf);
}
