import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SearchEventInputSchema } from './schema.ts';
import { normalizeSearchQuery } from '../search-query.ts';
import { REVISION } from '../../../test/helpers/feedback/fixtures.ts';

describe('the search event schema under random input', () => {
  it('accepts a query only in its normalised form: no controls, no uppercase, no doubled spaces, no emails, 1 to 200 characters', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400, unit: 'binary' }), (query) => {
        const parsed = SearchEventInputSchema.safeParse({
          eventId: crypto.randomUUID(),
          query,
          resultCount: 1,
          opened: null,
          contact: false,
          language: 'en',
          revision: REVISION,
        });
        if (!parsed.success) return;
        const q = parsed.data.query;
        expect(Array.from(q).length).toBeGreaterThanOrEqual(1);
        expect(Array.from(q).length).toBeLessThanOrEqual(200);
        expect(q).toBe(q.trim());
        expect(q).not.toMatch(/\s{2}|[\u0000-\u001F\u007F-\u009F\u202A-\u202E]|[^\s@]+@[^\s@]+\.[^\s@]+|\d{6}/);
        expect(normalizeSearchQuery(q)).toBe(q);
      }),
      { numRuns: 3000 },
    );
  });

  it('never accepts an opened value that leaves the site', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (tail) => {
        for (const opened of [`//${tail}`, `https://${tail}`, `\\\\${tail}`, `javascript:${tail}`]) {
          const parsed = SearchEventInputSchema.safeParse({
            eventId: crypto.randomUUID(),
            query: 'x',
            resultCount: 1,
            opened,
            contact: false,
            language: 'en',
            revision: REVISION,
          });
          expect(parsed.success).toBe(false);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
