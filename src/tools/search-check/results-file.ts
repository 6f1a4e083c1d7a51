/**
 * The results of a search check as JSON: what `--format json` prints and `--save` writes, and
 * what `--baseline` reads back (the results saved from the main branch's build).
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { formatZodIssues } from '../../lib/errors.ts';
import type { CheckSummary, ComparedProbe } from './compare.ts';
import type { SearchFigures } from './figures.ts';

export const RESULTS_VERSION = 1;

export interface SearchCheckResults {
  version: typeof RESULTS_VERSION;
  /** The probes file, relative to the project root. */
  probesFile: string;
  passed: boolean;
  figures: SearchFigures;
  /** The baseline's figures, over its own probes, when a baseline was given. */
  baselineFigures?: SearchFigures;
  summary: CheckSummary;
  probes: Array<
    Pick<
      ComparedProbe,
      'query' | 'language' | 'expect' | 'kind' | 'line' | 'rank' | 'before' | 'change' | 'places' | 'failure'
    > & {
      top: string[];
    }
  >;
}

const FiguresSchema = z.object({
  probes: z.number(),
  hitAt1: z.number(),
  hitAt3: z.number(),
  mrr: z.number(),
  misses: z.number(),
});

/** What a baseline must hold; the rest of the saved results is for people and other tools. */
const BaselineSchema = z.object({
  version: z.literal(RESULTS_VERSION),
  figures: FiguresSchema.optional(),
  probes: z.array(
    z.object({
      query: z.string(),
      language: z.string(),
      expect: z.string(),
      rank: z.number().int().min(1).nullable(),
    }),
  ),
});
export type SearchCheckBaseline = z.infer<typeof BaselineSchema>;

export class BaselineError extends Error {}

/** Read results saved with `--save`. @throws BaselineError saying what is wrong with the file */
export function loadBaseline(file: string, shownAs = file): SearchCheckBaseline {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new BaselineError(
      `there is no baseline at ${shownAs}; save one from the main branch's build with helpdesk-kit search check --save ${shownAs}`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new BaselineError(
      `the baseline ${shownAs} is not JSON (${(err as Error).message}); save it again with --save`,
    );
  }
  const parsed = BaselineSchema.safeParse(json);
  if (!parsed.success)
    throw new BaselineError(
      `the baseline ${shownAs} is not the results of helpdesk-kit search check --save (version ${RESULTS_VERSION}):\n${formatZodIssues(parsed.error.issues).join('\n')}`,
    );
  return parsed.data;
}
