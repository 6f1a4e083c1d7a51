/**
 * What `astro build` of a help center says: Astro's pages and time, and the integration's
 * problems; the details (content check, Pagefind's timings, the files written)
 * only with --verbose.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite } from '../helpers/build-site.ts';
import { article, writeTempSite } from '../helpers/temp-site.ts';

const DETAILS = [
  /Checked the content in \d+ ms/,
  /Pagefind indexed 2 articles and 1 FAQ question in \d+ ms/,
  /Wrote the feedback manifest \(3 ids\) and 0 redirects for moved articles/,
  /Wrote llms\.txt, llms-full\.txt, 3 Markdown copies and assistant-data\.json \(3 pages\)/,
];

describe('the build log', () => {
  const root = writeTempSite({
    'content/site.yaml':
      'name: Test Help\nurl: https://help.test.example\nfeedbackEndpoint: https://feedback.test.example/feedback\n',
    'content/articles/billing/refunds.md': article('Refunds'),
    'content/articles/account/sign-in.md': article('Sign in'),
    'content/faqs/billing/invoice.md': '---\nquestion: Can I pay by invoice?\n---\n\nYes.\n',
  });

  it("is Astro's pages and time, with nothing from helpdesk-kit when all is well", () => {
    const result = buildSite('build-log', path.join(root, 'content'), {}, { log: true });
    expect(result.status, result.output).toBe(0);
    expect(result.output.split('\n').filter((line) => line.includes('[helpdesk-kit]'))).toEqual([]);
    expect(result.output).toMatch(/\[build\] \d+ page\(s\) built in [\d.]+m?s/);
    for (const detail of DETAILS) expect(result.output).not.toMatch(detail);
  }, 120_000);

  it('gives the details with --verbose, or with HELPDESK_KIT_VERBOSE in the info log', () => {
    const verbose = buildSite('build-log-verbose', path.join(root, 'content'), {}, { verbose: true });
    expect(verbose.status).toBe(0);
    for (const detail of DETAILS) expect(verbose.output).toMatch(new RegExp(`astro:helpdesk-kit ${detail.source}`));
    const env = buildSite('build-log-env', path.join(root, 'content'), { HELPDESK_KIT_VERBOSE: '1' }, { log: true });
    expect(env.status).toBe(0);
    for (const detail of DETAILS) expect(env.output).toMatch(new RegExp(`\\[helpdesk-kit\\] ${detail.source}`));
  }, 180_000);
});
