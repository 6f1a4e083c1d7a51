import { describe, expect, it } from 'vitest';
import { getContactBody } from './contact-form.ts';

const visit = {
  searches: Array.from({ length: 12 }, (_, i) => `query ${i}`),
  read: [{ title: 'Refund timelines', path: '/returns-refunds/refund-timelines/' }],
};
const values = { email: ' ana@example.com ', name: ' ', message: ' Hello \n', website: '', withContext: true };

describe('getContactBody: what the preview shows is what is sent', () => {
  it('sends the trimmed fields, the product page and the last ten searches and pages read', () => {
    expect(getContactBody(values, { language: 'de', page: '/settings/billing', visit })).toEqual({
      email: 'ana@example.com',
      message: 'Hello',
      language: 'de',
      page: '/settings/billing',
      searches: visit.searches.slice(2),
      read: visit.read,
    });
  });

  it('sends no context at all when the reader leaves it out, and the honeypot only when filled', () => {
    const body = getContactBody(
      { ...values, withContext: false, website: 'x', name: 'Ana' },
      { language: 'en', page: '/settings/billing', visit },
    );
    expect(body).toEqual({
      email: 'ana@example.com',
      name: 'Ana',
      message: 'Hello',
      language: 'en',
      searches: [],
      read: [],
      website: 'x',
    });
  });
});
