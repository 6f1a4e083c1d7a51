import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadContent } from '../content/load.ts';
import { lintContent } from './lint/lint-content.ts';
import { TEST_TODAY, createTestSite, removeTestSite } from '../../test/helpers/lint-site.ts';
import { createEntry, getReviewDate } from './new-entry.ts';

let root = '';
afterEach(() => removeTestSite(root));

describe('createEntry', () => {
  it('creates an article with valid frontmatter, a slug from the title and reviewBy one year on', async () => {
    root = createTestSite();
    const result = createEntry({
      root,
      kind: 'article',
      title: 'Pay in installments: how it works',
      category: 'billing',
      owner: 'Billing team',
      today: TEST_TODAY,
    });
    expect(result).toMatchObject({ ok: true, file: 'content/articles/billing/pay-in-installments-how-it-works.md' });
    const text = readFileSync(path.join(root, 'content/articles/billing/pay-in-installments-how-it-works.md'), 'utf8');
    expect(text.split('---')[1]).toMatchInlineSnapshot(`
      "
      title: "Pay in installments: how it works"
      description: "TODO: Say in one or two sentences (50 to 160 characters) what this article helps readers do. Search results show this text."
      owner: Billing team
      reviewBy: 2027-11-23
      "
    `);
    const content = loadContent(root);
    expect(content.diagnostics).toEqual([]);
    const lint = await lintContent({ root, today: TEST_TODAY, history: false });
    expect(new Set(lint.findings.map((f) => f.ruleId))).toEqual(new Set(['todo-placeholder']));
  });

  it('warns when the new title is nearly the title of an existing article', () => {
    root = createTestSite();
    const first = createEntry({ root, kind: 'article', title: 'Change the delivery address', category: 'billing' });
    expect(first).toMatchObject({ ok: true, similar: [] });
    const second = createEntry({ root, kind: 'article', title: 'Change your delivery address', category: 'billing' });
    expect(second).toMatchObject({
      ok: true,
      similar: ['content/articles/billing/change-the-delivery-address.md ("Change the delivery address")'],
    });
  });

  it('writes owner TODO when the site requires an owner and none is given', () => {
    root = createTestSite();
    const result = createEntry({
      root,
      kind: 'article',
      title: 'Split a payment',
      category: 'billing',
      today: TEST_TODAY,
    });
    expect(result.ok && result.text).toContain('owner: TODO\n');
  });

  it('creates a FAQ with the question', () => {
    root = createTestSite();
    const result = createEntry({
      root,
      kind: 'faq',
      title: 'Can I pay with PayPal?',
      category: 'billing',
      today: TEST_TODAY,
    });
    expect(result).toMatchObject({ ok: true, file: 'content/faqs/billing/can-i-pay-with-paypal.md' });
    expect(result.ok && result.text).toMatchInlineSnapshot(`
      "---
      question: Can I pay with PayPal?
      ---

      TODO: Answer the question in the first sentence, then add the details a reader needs.
      "
    `);
  });

  it('refuses to overwrite an existing file', () => {
    root = createTestSite();
    const before = readFileSync(path.join(root, 'content/articles/billing/refunds.md'), 'utf8');
    const result = createEntry({ root, kind: 'article', title: 'Refunds', category: 'billing', today: TEST_TODAY });
    expect(result).toEqual({
      ok: false,
      message:
        'content/articles/billing/refunds.md already exists and was not changed; choose another title, or pass --slug',
    });
    expect(readFileSync(path.join(root, 'content/articles/billing/refunds.md'), 'utf8')).toBe(before);
  });

  it('creates an entry in a section folder, and lists the sections when the one given is unknown', () => {
    root = createTestSite({
      'content/categories.yaml':
        '- id: billing\n  title: Billing\n  description: Payments.\n  sections:\n    - id: cards\n      title: Cards\n- id: account\n  title: Your account\n  description: Sign in.\n',
    });
    const made = createEntry({
      root,
      kind: 'faq',
      title: 'Can I use two cards?',
      category: 'billing',
      section: 'cards',
    });
    expect(made).toMatchObject({ ok: true, file: 'content/faqs/billing/cards/can-i-use-two-cards.md' });
    expect(loadContent(root).faqs.find((f) => f.id === 'can-i-use-two-cards')?.section).toBe('cards');
    expect(createEntry({ root, kind: 'faq', title: 'X?', category: 'billing', section: 'wallets' })).toEqual({
      ok: false,
      message:
        '"wallets" is not a section of "billing"; use one of these with --section:\n  cards                Cards',
    });
    expect(createEntry({ root, kind: 'faq', title: 'X?', category: 'account', section: 'cards' })).toEqual({
      ok: false,
      message:
        '"account" has no sections; leave out --section, or declare the section under the category in content/categories.yaml',
    });
  });

  it('lists the valid categories when the one given is unknown', () => {
    root = createTestSite();
    const result = createEntry({
      root,
      kind: 'article',
      title: 'X marks the spot',
      category: 'bill',
      today: TEST_TODAY,
    });
    expect(result.ok ? '' : result.message).toMatchInlineSnapshot(`
      ""bill" is not a category; did you mean "billing"? Use one of these with --category:
        billing              Billing
        account              Your account"
    `);
    const far = createEntry({
      root,
      kind: 'article',
      title: 'X marks the spot',
      category: 'zzzzzz',
      today: TEST_TODAY,
    });
    expect(far.ok ? '' : far.message.split('\n')[0]).toBe(
      '"zzzzzz" is not a category; use one of these with --category:',
    );
  });

  it('refuses a slug another category already uses, and titles that make no slug', () => {
    root = createTestSite();
    expect(createEntry({ root, kind: 'article', title: 'Refunds', category: 'account', today: TEST_TODAY })).toEqual({
      ok: false,
      message:
        'the slug "refunds" is already used by content/articles/billing/refunds.md; slugs must be unique, so choose another title or pass --slug',
    });
    expect(
      createEntry({ root, kind: 'faq', title: '退款需要多长时间？', category: 'billing', today: TEST_TODAY }),
    ).toMatchObject({ ok: false, message: expect.stringContaining('--slug') });
  });
});

describe('getReviewDate', () => {
  it('is one year later, and March 1 after a leap day', () => {
    expect([getReviewDate('2026-11-23'), getReviewDate('2028-02-29')]).toEqual(['2027-11-23', '2029-03-01']);
  });
});
