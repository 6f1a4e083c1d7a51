/**
 * content/search-probes.yaml: queries readers type and the page each should find first. Writers
 * keep it in git; `helpdesk-kit search check` replays it against a build, and this repository's
 * search benchmark (`npm run bench:search`) measures the sample site with it.
 *
 *   - { query: reset password, expect: /account/reset-password/ }
 *   - { query: Passwort vergessen, expect: /de/account/reset-password/, language: de }
 */
import { z } from 'zod';
import { wrongTypeError } from '../lib/errors.ts';

/** What kind of query a probe is; optional, it only groups the benchmark's report. */
export const PROBE_KINDS = [
  'keyword',
  'question',
  'long',
  'typo',
  'plural',
  'hyphen',
  'faq-only',
  'customer-words',
  /** What the reader sees go wrong ("history view is empty"), not the page's topic. */
  'symptom',
] as const;
export type ProbeKind = (typeof PROBE_KINDS)[number];

export const MAX_PROBE_QUERY_LENGTH = 200;

/** A YAML scalar that must be read as text even when it looks like a number (`query: 404`). */
const TextSchema = z.preprocess(
  (value) => (typeof value === 'number' || typeof value === 'boolean' ? String(value) : value),
  z
    .string({ error: wrongTypeError('expected text') })
    .trim()
    .min(1, 'must not be empty'),
);

const PAGE_EXAMPLE = 'an article path like "/account/reset-password/" or a FAQ question like "/faq/#why-cant-i-log-in"';

/**
 * An article path (/billing/refunds/) or a FAQ question (/faq/#why-cant-i-log-in), site-relative
 * (without the deployment base), with the language prefix of a translated page (/de/billing/refunds/).
 */
export const ExpectedPageSchema = z
  .string({ error: wrongTypeError(`expected ${PAGE_EXAMPLE}`) })
  .trim()
  .min(1, `must not be empty; write the page this query should find first: ${PAGE_EXAMPLE}`)
  .regex(
    /^(?:\/[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)?\/(?:[a-z0-9-]+\/[a-z0-9-]+\/|faq\/#[a-z0-9-]+)$/,
    `must be ${PAGE_EXAMPLE}`,
  );

export const SearchProbeSchema = z
  .object({
    /** What the reader types, exactly as typed (typos included). */
    query: TextSchema.pipe(
      z.string().max(MAX_PROBE_QUERY_LENGTH, `must be at most ${MAX_PROBE_QUERY_LENGTH} characters`),
    ),
    /** The page that should be the first result. */
    expect: ExpectedPageSchema,
    /** The language whose search index the query runs in (a code of site.yaml); default: the site's language. */
    language: z
      .string({ error: wrongTypeError('expected a language code of site.yaml, like "de"') })
      .trim()
      .regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, 'must be a language tag like "de" or "pt-BR"')
      .optional(),
    /** The kind of query (keyword, question, long, typo, plural, hyphen, faq-only, customer-words, symptom); groups the benchmark's report. */
    kind: z.enum(PROBE_KINDS).optional(),
  })
  .strict();
export type SearchProbeInput = z.infer<typeof SearchProbeSchema>;

export const SearchProbesFileSchema = z
  .array(SearchProbeSchema, {
    error: wrongTypeError('expected a list of probes, one "- { query: ..., expect: ... }" per line'),
  })
  .min(1, 'must list at least one probe')
  .superRefine((probes, ctx) => {
    const seen = new Map<string, number>();
    probes.forEach((p, i) => {
      const key = `${p.language ?? ''}\u0000${p.query.toLowerCase()}`;
      const first = seen.get(key);
      if (first !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: [i, 'query'],
          message: `"${p.query}" is already listed as probe ${first + 1}; remove one of them`,
        });
      } else seen.set(key, i);
    });
  });
