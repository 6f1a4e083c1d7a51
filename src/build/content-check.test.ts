import path from 'node:path';
import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { VALID_SITE, article, faq, writeTempSite } from '../../test/helpers/temp-site.ts';
import { loadProjectSchemas } from '../content/project-schemas.ts';
import { checkContent } from './content-check.ts';

const FIXTURES = path.resolve(import.meta.dirname, '../../test/fixtures');

const roots: string[] = [];
/** Writes the site and returns its content folder. */
function useSite(files: Record<string, string>): string {
  const root = writeTempSite(files);
  roots.push(root);
  return path.join(root, 'content');
}
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

describe('the build content check', () => {
  it('works out the vocabulary, feedback manifest and redirects of good content', async () => {
    const contentDir = useSite({
      'content/articles/billing/refunds.md': article('Refunds', 'redirectFrom: [/billing/money-back/]\n'),
      'content/faqs/billing/when.md': faq('When do refunds arrive?'),
    });
    const result = await checkContent(contentDir, { artefacts: true });
    expect(result.errors).toEqual([]);
    expect(result.artefacts?.manifest.items.map((i) => i.id)).toEqual(['article:refunds', 'faq:when']);
    expect(result.artefacts?.vocabularies[0]?.words).toContain('refunds');
    expect(result.artefacts?.redirects).toEqual([
      expect.objectContaining({ from: '/billing/money-back/', to: '/billing/refunds/' }),
    ]);
  });

  it('gives one line per error, with file, line and rule, and no artefacts', async () => {
    const contentDir = useSite({ 'content/articles/billing/refunds.md': article('Refunds', 'related: [nope]\n') });
    const result = await checkContent(contentDir, { artefacts: true });
    expect(result.artefacts).toBeUndefined();
    expect(result.errors).toEqual([
      expect.stringMatching(
        /^content\/articles\/billing\/refunds\.md:4:11 {2}error {2}related: "nope" is not an article id/,
      ),
    ]);
  });

  it('fails on a broken link, a missing anchor, a missing image and an invisible character', async () => {
    const contentDir = useSite({
      'content/articles/billing/refunds.md': article('Refunds', '').replace(
        'Body text.',
        'See [tracking](../account/track.md), [the steps](#steps), ![A receipt](/images/receipt.png) and a zero\u200Bwidth space.',
      ),
    });
    const result = await checkContent(contentDir, { artefacts: true });
    expect(result.artefacts).toBeUndefined();
    expect(result.errors.map((line) => line.match(/\((\S+)\)$/)?.[1])).toEqual([
      'broken-link',
      'broken-anchor',
      'missing-image',
      'invisible-character',
    ]);
    expect(result.errors[0]).toMatch(
      /^content\/articles\/billing\/refunds\.md:8:5 {2}error {2}\.\.\/account\/track\.md does not exist/,
    );
  });

  it('reports every finding of a file at once: a missing title hides neither the link nor the character', async () => {
    const contentDir = useSite({
      'content/articles/billing/refunds.md':
        '---\ndescription: A description long enough to be a useful search result summary.\n---\n\nSee [nothing](../billing/nothing.md) and a zero\u200Bwidth space.\n',
    });
    const result = await checkContent(contentDir, { artefacts: true });
    expect(result.errors).toEqual([
      expect.stringMatching(/refunds\.md:2:1 {2}error {2}title: is required .*\(frontmatter-schema\)$/),
      expect.stringMatching(/refunds\.md:5:5 {2}error {2}.*\(broken-link\)$/),
      expect.stringMatching(/refunds\.md:5:48 {2}error {2}.*\(invisible-character\)$/),
    ]);
  });

  it('follows lint.rules: a rule set to "warning" is printed and the build goes on, "off" is not run', async () => {
    const contentDir = useSite({
      'content/site.yaml': `${VALID_SITE}lint:\n  rules:\n    broken-anchor: warning\n    invisible-character: 'off'\n`,
      'content/articles/billing/refunds.md': article('Refunds').replace(
        'Body text.',
        'See [the steps](#steps) and a zero\u200Bwidth space.',
      ),
    });
    const result = await checkContent(contentDir, { artefacts: true });
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([expect.stringMatching(/refunds\.md:8:5 {2}warning {2}.*\(broken-anchor\)$/)]);
    expect(result.artefacts).toBeDefined();
  });

  it("validates with the project's own frontmatter schema when its content config extends ours", async () => {
    const root = path.join(FIXTURES, 'extended-frontmatter');
    const contentDir = path.join(root, 'content');
    const builtIn = await checkContent(contentDir, { artefacts: false });
    expect(builtIn.errors).toEqual([expect.stringContaining('unknown field "audience"')]);
    const schemas = await loadProjectSchemas(root, path.join(root, 'src'));
    expect((await checkContent(contentDir, { artefacts: true, schemas })).errors).toEqual([]);
    const bad = useSite({
      'content/articles/billing/refunds.md': article('Refunds', 'audience: robots\n'),
    });
    expect((await checkContent(bad, { artefacts: false, schemas })).errors).toEqual([
      expect.stringMatching(
        /refunds\.md:4:1 {2}error {2}audience: expected one of "admins", "everyone", received "robots"/,
      ),
    ]);
  });
});
