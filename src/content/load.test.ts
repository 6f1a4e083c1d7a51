import { describe, expect, it } from 'vitest';
import { loadContent } from './load.ts';
import { formatDiagnostic } from './diagnostics.ts';
import { article, faq, writeTempSite } from '../../test/helpers/temp-site.ts';

const findings = (root: string) => loadContent(root).diagnostics.map(formatDiagnostic);

describe('loadContent', () => {
  it('loads a valid site with typed entries and no findings', () => {
    const root = writeTempSite({
      'content/articles/billing/refunds.md': article('Refunds', 'related: [update-card]\n'),
      'content/articles/account/update-card.md': article('Update your card'),
      'content/faqs/billing/charged-twice.md': faq('Why was I charged twice?'),
    });
    const content = loadContent(root);
    expect(content.diagnostics).toEqual([]);
    expect(content.articles.map((a) => [a.category, a.id, a.data.title])).toEqual([
      ['account', 'update-card', 'Update your card'],
      ['billing', 'refunds', 'Refunds'],
    ]);
    expect(content.faqs[0]?.data.question).toBe('Why was I charged twice?');
    expect(content.site?.base).toBe('/');
  });

  it('names the file, line and field when the title is missing', () => {
    const root = writeTempSite({
      'content/articles/billing/no-title.md': '---\ndescription: Says what it does in a sentence or two.\ntags: [a]\n---\nBody\n',
    });
    expect(findings(root)).toMatchInlineSnapshot(`
      [
        "content/articles/billing/no-title.md:2:1  error  title: is required (expected string)  (frontmatter-schema)",
      ]
    `);
  });

  it('points at the line and column of a field with the wrong type', () => {
    const root = writeTempSite({
      'content/articles/billing/bad-order.md': '---\ntitle: Refunds\ndescription: Says what it does in a sentence or two.\norder: first\n---\nBody\n',
    });
    expect(findings(root)).toMatchInlineSnapshot(`
      [
        "content/articles/billing/bad-order.md:4:1  error  order: expected number, received string  (frontmatter-schema)",
      ]
    `);
  });

  it('rejects a category folder that is not in categories.yaml and lists the valid ones', () => {
    const root = writeTempSite({ 'content/articles/shipping/track.md': article('Track your order') });
    expect(findings(root)).toMatchInlineSnapshot(`
      [
        "content/articles/shipping/track.md:1:1  error  the folder "shipping" is not a category in content/categories.yaml; add it there or move the file to one of: billing, account  (unknown-category)",
      ]
    `);
  });

  it('rejects a related id that does not exist, at the line of that item', () => {
    const root = writeTempSite({
      'content/articles/billing/refunds.md': article('Refunds', 'related:\n  - refund-timeline\n'),
      'content/articles/billing/refund-timelines.md': article('Refund timelines'),
    });
    expect(findings(root)).toMatchInlineSnapshot(`
      [
        "content/articles/billing/refunds.md:5:5  error  related: "refund-timeline" is not an article id; use the file name of an article without its extension (did you mean "refund-timelines"?)  (unknown-related)",
      ]
    `);
  });

  it('rejects two articles with the same slug in different categories', () => {
    const root = writeTempSite({
      'content/articles/billing/overview.md': article('Billing overview'),
      'content/articles/account/overview.md': article('Account overview'),
    });
    expect(findings(root)).toMatchInlineSnapshot(`
      [
        "content/articles/billing/overview.md:1:1  error  the article slug "overview" is already used by content/articles/account/overview.md; slugs become URLs and ids, so rename one of the files  (duplicate-slug)",
      ]
    `);
  });

  it('reports YAML that does not parse with its line', () => {
    const root = writeTempSite({
      'content/articles/billing/broken.md': '---\ntitle: Refunds\ndescription: "unclosed\ntags: [a\n---\nBody\n',
    });
    const [line] = findings(root);
    expect(line).toMatch(/^content\/articles\/billing\/broken\.md:\d+:\d+ {2}error {2}the YAML does not parse: .+; check indentation, colons and quotes on this line {2}\(yaml-syntax\)$/);
  });

  it('reports a site setting of the wrong type with its line', () => {
    const root = writeTempSite({
      'content/site.yaml': 'name: Test Help\nurl: https://help.test.example\ncontact:\n  email: 42\n',
    });
    expect(findings(root)).toMatchInlineSnapshot(`
      [
        "content/site.yaml:4:3  error  contact.email: expected string, received number  (site-settings)",
      ]
    `);
  });

  it('reports an unknown frontmatter field at its own line', () => {
    const root = writeTempSite({
      'content/articles/billing/typo.md': '---\ntitle: Refunds\ndescription: Says what it does in a sentence or two.\ntag: [refunds]\n---\nBody\n',
    });
    expect(findings(root)).toMatchInlineSnapshot(`
      [
        "content/articles/billing/typo.md:4:1  error  unknown field "tag"  (frontmatter-schema)",
      ]
    `);
  });

  it('rejects a category id that would take over a built-in page', () => {
    const root = writeTempSite({ 'content/categories.yaml': '- id: search\n  title: Search\n  description: Finding things.\n' });
    expect(findings(root)).toMatchInlineSnapshot(`
      [
        "content/categories.yaml:1:3  error  [0].id: is reserved for a built-in page; choose another id than faq, search, 404, pagefind, _astro, images, assets, feedback, widget  (categories)",
      ]
    `);
  });
});

describe('sections', () => {
  const CATEGORIES =
    '- id: billing\n  title: Billing\n  description: Paying for things.\n  sections:\n    - id: cards\n      title: Cards\n    - id: invoices\n      title: Invoices\n- id: account\n  title: Account\n  description: Your account.\n';

  it('loads articles and FAQs from declared section folders, with the section and the plain slug', () => {
    const root = writeTempSite({
      'content/categories.yaml': CATEGORIES,
      'content/articles/billing/cards/update-card.md': article('Update your card'),
      'content/articles/billing/overview.md': article('Billing overview'),
      'content/faqs/billing/invoices/company-name.md': faq('Can my invoice show my company?'),
    });
    const content = loadContent(root);
    expect(content.diagnostics).toEqual([]);
    expect(content.articles.map((a) => [a.category, a.section, a.id])).toEqual([
      ['billing', 'cards', 'update-card'],
      ['billing', undefined, 'overview'],
    ]);
    expect(content.faqs.map((f) => [f.category, f.section, f.id])).toEqual([['billing', 'invoices', 'company-name']]);
    expect(content.categories[0]?.sections.map((s) => s.id)).toEqual(['cards', 'invoices']);
  });

  it('reports a duplicate section id at its line, and a file nested deeper than a section', () => {
    const root = writeTempSite({
      'content/categories.yaml': CATEGORIES.replace('id: invoices', 'id: cards'),
      'content/articles/billing/cards/old/expired.md': article('Expired cards'),
    });
    expect(findings(root)).toMatchInlineSnapshot(`
      [
        "content/categories.yaml:7:7  error  [0].sections[1].id: duplicate section id "cards" in this category; give each section its own id  (categories)",
        "content/articles/billing/cards/old/expired.md:1:1  error  content files go one or two folders deep, as articles/<category>/<slug>.md or articles/<category>/<section>/<slug>.md; move this file  (file-location)",
      ]
    `);
  });

  it('reports every undeclared section folder and a slug reused in another section, at once', () => {
    const root = writeTempSite({
      'content/categories.yaml': CATEGORIES,
      'content/articles/billing/wallets/apple-pay.md': article('Apple Pay'),
      'content/articles/account/security/two-factor.md': article('Two-factor'),
      'content/articles/billing/cards/refunds.md': article('Refunds'),
      'content/articles/billing/invoices/refunds.md': article('Refunds again'),
    });
    expect(findings(root)).toMatchInlineSnapshot(`
      [
        "content/articles/account/security/two-factor.md:1:1  error  the folder "security" is not a section: "account" declares none; add sections: [{ id: security, title: ... }] under the category "account" in content/categories.yaml, or move the file up into the "account" folder  (unknown-section)",
        "content/articles/billing/wallets/apple-pay.md:1:1  error  the folder "wallets" is not a section of "billing"; declare it (sections: [{ id: wallets, title: ... }]) under the category "billing" in content/categories.yaml, or move the file to one of: cards, invoices  (unknown-section)",
        "content/articles/billing/invoices/refunds.md:1:1  error  the article slug "refunds" is already used by content/articles/billing/cards/refunds.md; slugs become URLs and ids, so rename one of the files  (duplicate-slug)",
      ]
    `);
  });

  it('warns about an unlisted article named in related', () => {
    const root = writeTempSite({
      'content/articles/billing/refunds.md': article('Refunds', 'related: [ticket-only]\n'),
      'content/articles/billing/ticket-only.md': article('Ticket only', 'unlisted: true\n'),
    });
    expect(findings(root)).toMatchInlineSnapshot(`
      [
        "content/articles/billing/refunds.md:4:11  warning  related: "ticket-only" is unlisted, so it is never shown in related lists; remove it here, or remove "unlisted: true" from that article  (unlisted-related)",
      ]
    `);
  });
});

describe('dates in frontmatter', () => {
  it('rejects a day that does not exist', () => {
    const root = writeTempSite({ 'content/articles/billing/refunds.md': article('Refunds', 'reviewBy: 2026-02-30\n') });
    expect(findings(root)).toEqual([
      'content/articles/billing/refunds.md:4:1  error  reviewBy: is not a real calendar date  (frontmatter-schema)',
    ]);
  });
});
