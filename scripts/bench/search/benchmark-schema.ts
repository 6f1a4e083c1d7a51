/**
 * The search benchmark's query file (content/search-benchmark.yaml): realistic queries, each with
 * the page that should come first. Writers extend it; the benchmark validates it with this schema.
 */
import { z } from 'zod';
import { wrongTypeError } from '../../../src/lib/errors.ts';

/** What kind of query a line is; only used to group the report. */
export const BENCHMARK_KINDS = [
  'keyword',
  'question',
  'long',
  'typo',
  'plural',
  'hyphen',
  'faq-only',
  'customer-words',
] as const;
export type BenchmarkKind = (typeof BENCHMARK_KINDS)[number];

/** A YAML scalar that must be read as text even when it looks like a number (`query: 404`). */
const TextSchema = z.preprocess(
  (value) => (typeof value === 'number' || typeof value === 'boolean' ? String(value) : value),
  z
    .string({ error: wrongTypeError('expected text') })
    .trim()
    .min(1, 'must not be empty'),
);

/** An article path (/billing/refunds/) or a FAQ question (/faq/#why-cant-i-log-in). */
export const ExpectedUrlSchema = z
  .string({
    error: wrongTypeError('expected a page path like "/account/reset-password/" or "/faq/#why-cant-i-log-in"'),
  })
  .trim()
  .regex(
    /^\/[a-z0-9-]+\/[a-z0-9-]+\/$|^\/faq\/#[a-z0-9-]+$/,
    'must be an article path like "/account/reset-password/" or a FAQ question like "/faq/#why-cant-i-log-in"',
  );

export const BenchmarkQuerySchema = z
  .object({
    /** What the customer types, exactly as typed (typos included). */
    query: TextSchema.pipe(z.string().max(200, 'must be at most 200 characters')),
    /** The page that should be the first result. */
    expect: ExpectedUrlSchema,
    /** The kind of query, to group the report: keyword, question, long, typo, plural, hyphen, faq-only, customer-words. */
    kind: z.enum(BENCHMARK_KINDS),
  })
  .strict();
export type BenchmarkQueryInput = z.infer<typeof BenchmarkQuerySchema>;

export const BenchmarkFileSchema = z
  .array(BenchmarkQuerySchema, {
    error: wrongTypeError('expected a list of queries, one "- { query: ..., expect: ..., kind: ... }" per line'),
  })
  .min(1, 'must list at least one query')
  .superRefine((queries, ctx) => {
    const seen = new Map<string, number>();
    queries.forEach((q, i) => {
      const key = q.query.toLowerCase();
      const first = seen.get(key);
      if (first !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: [i, 'query'],
          message: `"${q.query}" is already listed as query ${first + 1}; remove one of them`,
        });
      } else seen.set(key, i);
    });
  });
