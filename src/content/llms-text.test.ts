import { describe, expect, it } from 'vitest';
import type { HelpRecord } from './help-records.ts';
import { buildLlmsFullTxt, buildLlmsTxt, buildRecordMarkdown, parseLlmsTxt } from './llms-text.ts';

const site = { name: 'Acme Help', siteUrl: 'https://help.acme.example/help' };
const record = (over: Partial<HelpRecord>): HelpRecord => ({
  kind: 'article',
  language: 'en',
  id: 'article:reset-password',
  slug: 'reset-password',
  category: 'account',
  categoryTitle: 'Your account',
  title: 'Reset your password',
  description: 'Get a reset link by email.',
  path: '/account/reset-password/',
  markdownPath: '/account/reset-password.md',
  markdown: 'Select **Forgot password**.',
  appRoutes: [],
  sourcePath: '/x/reset-password.md',
  unlisted: false,
  ...over,
});
const records = [
  record({}),
  record({
    kind: 'faq',
    id: 'faq:why-cant-i-log-in',
    slug: 'why-cant-i-log-in',
    title: "Why can't I log in [on iOS]?",
    description: '',
    path: '/faq/#why-cant-i-log-in',
    markdownPath: '/faq/why-cant-i-log-in.md',
    markdown: 'Check your email address.',
  }),
  record({
    id: 'article:refunds',
    category: 'billing',
    categoryTitle: 'Billing',
    title: 'Refunds',
    markdownPath: '/billing/refunds.md',
  }),
];

describe('llms.txt', () => {
  it('has a title, a summary and one section of links per topic, and parses by the format', () => {
    const text = buildLlmsTxt(site, records);
    expect(text.split('\n').slice(0, 3)).toEqual([
      '# Acme Help',
      '',
      '> Acme Help: 2 help articles and 1 answered question in 2 topics.',
    ]);
    const parsed = parseLlmsTxt(text);
    expect(parsed.title).toBe('Acme Help');
    expect(parsed.sections.map((s) => s.name)).toEqual(['Your account', 'Billing']);
    expect(parsed.sections[0]!.links).toEqual([
      {
        title: 'Reset your password',
        url: 'https://help.acme.example/help/account/reset-password.md',
        notes: 'Get a reset link by email.',
      },
      {
        title: "FAQ: Why can't I log in [on iOS]?",
        url: 'https://help.acme.example/help/faq/why-cant-i-log-in.md',
        notes: '',
      },
    ]);
  });

  it('rejects text that breaks the format, naming the line', () => {
    expect(() => parseLlmsTxt('Acme\n')).toThrow('llms.txt must start with one "# Title" line.');
    expect(() => parseLlmsTxt('# Acme\n\n## Docs\n\nsome prose\n')).toThrow(
      'line 5: a section holds only "- [title](url): notes" lines, not "some prose".',
    );
  });

  it('writes each page as Markdown with its title, description and page URL', () => {
    expect(buildRecordMarkdown(site, records[0]!)).toBe(
      '# Reset your password\n\n> Get a reset link by email.\n\nSource: https://help.acme.example/help/account/reset-password/\n\nSelect **Forgot password**.\n',
    );
    const full = buildLlmsFullTxt(site, records);
    expect(full.startsWith('# Acme Help\n')).toBe(true);
    expect(full).toContain(
      "## Why can't I log in [on iOS]?\n\nSource: https://help.acme.example/help/faq/#why-cant-i-log-in",
    );
    expect(full.match(/^## /gm)).toHaveLength(3);
  });
});
