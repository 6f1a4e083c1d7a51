import { describe, expect, it } from 'vitest';
import { createSynonymExpander, FAQ_SYNONYM_FIELDS, getSynonymAttributes, getWordKey } from './synonyms.ts';

const groups = [
  { phrases: ['refund', 'money back', 'reimbursement'], line: 1 },
  { phrases: ['sign in', 'log in', 'login'], line: 2 },
  { phrases: ['parcel', 'package'], line: 3 },
];
const expander = createSynonymExpander(groups, 'en');

describe('synonym expansion for a page', () => {
  it('gives a page every word of each group it uses, whichever word of the group it uses', () => {
    expect(expander.expand({ body: ['When does my refund arrive?'] }).body).toEqual([
      'refund',
      'money back',
      'reimbursement',
    ]);
    expect(expander.expand({ body: ['Can I get my money back?'] }).body).toEqual([
      'refund',
      'money back',
      'reimbursement',
    ]);
  });

  it('matches plurals and whole phrases only', () => {
    expect(expander.expand({ body: ['Refunds and parcels'] }).body).toEqual([
      'refund',
      'money back',
      'reimbursement',
      'parcel',
      'package',
    ]);
    expect(expander.expand({ body: ['Put the money in the back'] }).body).toEqual([]);
    expect(expander.expand({ body: ['Sign-in problems'] }).body).toEqual(['sign in', 'log in', 'login']);
  });

  it('files each group under the most prominent place the page uses it', () => {
    expect(
      expander.expand({
        title: ['Refund timelines'],
        headings: ['Track your parcel'],
        body: ['Your refund and your parcel, once you sign in.'],
      }),
    ).toEqual({
      title: ['refund', 'money back', 'reimbursement'],
      description: [],
      headings: ['parcel', 'package'],
      body: ['sign in', 'log in', 'login'],
    });
  });

  it('ranks a group in the title above the same group in the description (its own tier)', () => {
    expect(
      expander.expand({ title: ['Report a damaged item'], description: ['Get a replacement or a full refund.'] }),
    ).toEqual({
      title: [],
      description: ['refund', 'money back', 'reimbursement'],
      headings: [],
      body: [],
    });
  });

  it('gives nothing when there are no synonyms or the page uses none', () => {
    expect(createSynonymExpander([], 'en').expand({ body: ['refund'] })).toEqual({
      title: [],
      description: [],
      headings: [],
      body: [],
    });
    expect(expander.expand({ title: ['Cookies'], body: ['Nothing here.'] })).toEqual({
      title: [],
      description: [],
      headings: [],
      body: [],
    });
  });

  it('folds English plurals only for English', () => {
    expect(['refunds', 'deliveries', 'addresses', 'boxes', 'status', 'bus'].map((w) => getWordKey(w, 'en-US'))).toEqual(
      ['refund', 'delivery', 'address', 'box', 'status', 'bus'],
    );
    expect(getWordKey('refunds', 'de')).toBe('refunds');
  });
});

describe('the attributes that carry the synonyms', () => {
  it('indexes each tier as Pagefind metadata from its own attribute, before the other metadata', () => {
    expect(
      getSynonymAttributes(
        { title: ['refund', 'money back'], description: [], headings: [], body: ['parcel', 'package'] },
        'category:Returns and refunds',
      ),
    ).toEqual({
      'data-pagefind-meta': 'synonyms[data-synonyms], body_synonyms[data-body-synonyms], category:Returns and refunds',
      'data-synonyms': 'refund, money back',
      'data-body-synonyms': 'parcel, package',
    });
  });

  it('leaves only the other metadata when the page has no synonyms', () => {
    expect(getSynonymAttributes({ title: [], description: [], headings: [], body: [] }, 'category:Billing')).toEqual({
      'data-pagefind-meta': 'category:Billing',
    });
  });

  it('files a FAQ question’s synonyms under their own field, weighted a little below an article title’s', () => {
    expect(
      getSynonymAttributes(
        { title: ['refund'], description: [], headings: [], body: [] },
        'category:Billing',
        FAQ_SYNONYM_FIELDS,
      ),
    ).toEqual({
      'data-pagefind-meta': 'question_synonyms[data-question-synonyms], category:Billing',
      'data-question-synonyms': 'refund',
    });
  });
});
