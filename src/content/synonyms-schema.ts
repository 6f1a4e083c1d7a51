/**
 * content/synonyms.yaml: words customers use for the words the help center uses. Each entry is one
 * group of words that mean the same thing; a search for any of them finds pages that use another.
 *
 *   refund: money back, reimbursement
 *   sign in: [log in, login]
 */
import { z } from 'zod';

export const MAX_PHRASE_LENGTH = 60;
export const MAX_GROUP_SIZE = 30;

/** One word or phrase of a group, as readers type it: letters, digits, spaces, hyphens, apostrophes. */
export const SynonymPhraseSchema = z
  .string()
  .trim()
  .min(1, 'must not be empty; remove the extra comma')
  .max(MAX_PHRASE_LENGTH, `must be at most ${MAX_PHRASE_LENGTH} characters; synonyms are words or short phrases`)
  .refine((s) => s === '' || /^[\p{L}\p{N}][\p{L}\p{N}\s'’-]*$/u.test(s), {
    message: 'must be a word or phrase (letters, digits, spaces, hyphens, apostrophes), like "money back"',
  });

/** The other words of a group: a comma-separated line ("money back, reimbursement") or a YAML list. */
const AlternativesSchema = z
  .union([z.string(), z.array(z.union([z.string(), z.number()]))], {
    error: 'expected the other words of the group, like "money back, reimbursement"',
  })
  .transform((value) => (typeof value === 'string' ? value.split(',') : value.map(String)))
  .pipe(
    z
      .array(SynonymPhraseSchema)
      .min(1, 'must list at least one other word')
      .max(MAX_GROUP_SIZE - 1, `must list at most ${MAX_GROUP_SIZE - 1} other words; split the group`),
  );

const GROUPS_MESSAGE = 'expected one group per line, like "refund: money back, reimbursement"';

export const SynonymsFileSchema = z.preprocess(
  (value) => value ?? {},
  z
    .custom<Record<string, unknown>>((v) => typeof v === 'object' && v !== null && !Array.isArray(v), { message: GROUPS_MESSAGE })
    .pipe(z.record(SynonymPhraseSchema, AlternativesSchema))
    .superRefine((groups, ctx) => {
      for (const [key, others] of Object.entries(groups)) {
        const seen = new Set([key.trim().toLowerCase()]);
        for (const phrase of others) {
          const folded = phrase.toLowerCase();
          if (seen.has(folded)) ctx.addIssue({ code: 'custom', path: [key], message: `"${phrase}" is listed twice in the group of "${key.trim()}"; remove one` });
          seen.add(folded);
        }
      }
    }),
);
export type SynonymsFile = z.infer<typeof SynonymsFileSchema>;

/** A validated group: the first phrase is the entry's key. */
export interface SynonymGroup {
  phrases: string[];
  /** 1-based line of the entry in content/synonyms.yaml. */
  line: number;
}
