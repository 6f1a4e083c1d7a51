/**
 * content/imported-votes.yaml: the votes an article had on the help desk it was imported from,
 * keyed by its feedback id here ("article:<slug>"). The import writes it; the feedback report
 * shows it as a baseline apart from our own votes and never adds it to them.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { parseYamlWithPositions, YamlSyntaxError } from '../content/yaml-source.ts';
import { describeIssue, formatIssuePath } from '../lib/errors.ts';
import { ISO_DAY_FORMAT, isIsoDay } from '../lib/iso-day.ts';

export const VOTE_BASELINE_FILE = 'imported-votes.yaml';

const count = z.number().int('must be a whole number').nonnegative('must not be negative');

export const VoteBaselineEntrySchema = z
  .object({
    /** The help desk the votes come from ("zendesk"). */
    source: z.string().min(1, 'must name the help desk the votes come from'),
    /** The day the export was saved, YYYY-MM-DD. */
    exported: z.string().regex(ISO_DAY_FORMAT, 'must be a day like 2026-01-31').refine(isIsoDay, 'is not a real day'),
    up: count,
    down: count,
  })
  .strict();
export type VoteBaselineEntry = z.infer<typeof VoteBaselineEntrySchema>;

const VoteBaselineFileSchema = z.record(
  z.string().regex(/^(article|faq):[a-z0-9][a-z0-9-]*$/, 'must be a feedback id like article:reset-password'),
  VoteBaselineEntrySchema,
);

export type VoteBaseline = ReadonlyMap<string, VoteBaselineEntry>;

/** The file does not parse or does not match its schema; the message names file, line and fix. */
export class VoteBaselineError extends Error {}

const HEADER =
  '# Votes from the help desk this content was imported from, by feedback id. The feedback report\n' +
  '# shows them apart from the votes of this help center and never adds them up.\n';

/** Read `<contentDir>/imported-votes.yaml`; no file is an empty baseline. `file` in messages is relative to `root`. */
export function readVoteBaseline(root: string, contentDir: string): Map<string, VoteBaselineEntry> {
  const abs = path.join(contentDir, VOTE_BASELINE_FILE);
  if (!existsSync(abs)) return new Map();
  const file = path.relative(root, abs).split(path.sep).join('/');
  let parsed;
  try {
    parsed = parseYamlWithPositions(readFileSync(abs, 'utf8'));
  } catch (err) {
    if (!(err instanceof YamlSyntaxError)) throw err;
    throw new VoteBaselineError(
      `${file}:${err.position.line}:${err.position.column}: the YAML does not parse: ${err.message}`,
    );
  }
  const result = VoteBaselineFileSchema.safeParse(parsed.value ?? {}, { reportInput: true });
  if (!result.success) {
    const lines = result.error.issues.map((issue) => {
      const at = parsed.locate(issue.path);
      return `${file}:${at.line}:${at.column}: ${formatIssuePath(issue.path) || 'the file'}: ${describeIssue(issue)}`;
    });
    throw new VoteBaselineError(
      `${lines.join('\n')}\nEach entry is "article:<slug>: { source: zendesk, exported: YYYY-MM-DD, up: N, down: N }"; fix the file or import again.`,
    );
  }
  return new Map(Object.entries(result.data));
}

/**
 * The file's text with `entries` set: entries of ids not in this import stay as they are, so
 * importing a second export or the same one again adds and refreshes instead of dropping. One
 * line per entry, sorted by id, so a re-import of the same export writes the same text.
 */
export function formatVoteBaseline(
  existing: ReadonlyMap<string, VoteBaselineEntry>,
  entries: ReadonlyMap<string, VoteBaselineEntry>,
): string {
  const merged = [...new Map([...existing, ...entries]).entries()].sort(([a], [b]) => a.localeCompare(b));
  const lines = merged.map(
    ([id, e]) =>
      `${id}: { source: ${JSON.stringify(e.source)}, exported: ${JSON.stringify(e.exported)}, up: ${e.up}, down: ${e.down} }`,
  );
  return `${HEADER}${lines.join('\n')}\n`;
}
