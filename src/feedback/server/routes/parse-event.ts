/**
 * One place that turns an event body into a typed value or a 400: JSON parse and the closed
 * zod schema, for votes and search events alike.
 */
import type { z } from 'zod';
import { ErrorCodes, formatZodIssues } from '../../../lib/errors.ts';
import type { FeedbackCounters } from '../counters.ts';
import { createErrorResponse } from '../http/responses.ts';

export type ParsedEvent<T> = { ok: true; value: T } | { ok: false; response: Response };

/** A 400 for the event, counted as invalid. */
export function rejectEvent(
  counters: FeedbackCounters,
  message: string,
  issues: string[] = [],
): { ok: false; response: Response } {
  counters.increment('rejected.invalid');
  return { ok: false, response: createErrorResponse(400, ErrorCodes.InvalidFeedback, message, { issues }) };
}

/**
 * `input` is the body text (parsed as JSON here) or an already-built object (a form). An id the
 * manifest does not know is counted as dropped.unknown_item rather than invalid.
 */
export function parseEvent<S extends z.ZodType>(
  schema: S,
  input: { json: string } | { value: unknown },
  noun: string,
  counters: FeedbackCounters,
): ParsedEvent<z.output<S>> {
  let raw: unknown;
  if ('json' in input) {
    try {
      raw = JSON.parse(input.json);
    } catch {
      return rejectEvent(counters, `The body is not valid JSON; send one JSON object with the ${noun} fields.`);
    }
  } else raw = input.value;
  // JSON escapes can spell a lone surrogate ("\ud800"), which is not Unicode: SQLite would store
  // invalid UTF-8 and Postgres U+FFFD. Refused here, before any store, so every store agrees.
  const broken = findLoneSurrogate(raw);
  if (broken !== undefined)
    return rejectEvent(counters, fieldsMessage(noun), [
      `${broken || '(body)'}: contains an unpaired surrogate escape (\\uD800-\\uDFFF); send valid Unicode text`,
    ]);
  const parsed = schema.safeParse(raw, { reportInput: true });
  if (parsed.success) return { ok: true, value: parsed.data };
  const issues = parsed.error.issues;
  const unknownItem = issues.some((i) => i.code === 'custom' && i.params?.unknownItem === true);
  if (unknownItem) {
    counters.increment('dropped.unknown_item');
    const response = createErrorResponse(400, ErrorCodes.InvalidFeedback, fieldsMessage(noun), {
      issues: formatZodIssues(issues),
    });
    return { ok: false, response };
  }
  return rejectEvent(counters, fieldsMessage(noun), formatZodIssues(issues));
}

const fieldsMessage = (noun: string) => `The ${noun} has problems; fix the fields listed in issues.`;

/**
 * The dotted path of the first string (key or value) that is not well-formed UTF-16, if any.
 * An explicit stack, not recursion: a body of 4,000 nested arrays fits in 8 KiB, and recursing
 * that deep overflows the call stack of a freshly started process (unoptimised frames are large).
 */
function findLoneSurrogate(root: unknown): string | undefined {
  const stack: Array<{ key?: string; value: unknown; path: string }> = [{ value: root, path: '' }];
  while (stack.length > 0) {
    const { key, value, path } = stack.pop()!;
    if (key !== undefined && !key.isWellFormed()) return path;
    if (typeof value === 'string') {
      if (!value.isWellFormed()) return path;
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    // Pushed in reverse so that the first broken string in document order is the one reported.
    const entries: Array<[string, unknown]> = Object.entries(value);
    for (let i = entries.length - 1; i >= 0; i--) {
      const [childKey, child] = entries[i]!;
      stack.push({ key: childKey, value: child, path: path ? `${path}.${childKey}` : childKey });
    }
  }
  return undefined;
}
