/** `helpdesk-kit lint` end to end (the compiled CLI, as users run it): output formats and exit codes. */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CLEAN_FIXTURE, TEST_TODAY, createTestSite, removeTestSite } from '../../test/helpers/lint-site.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BROKEN = fileURLToPath(new URL('../../test/fixtures/lint-broken', import.meta.url));

function run(...args: string[]) {
  const out = spawnSync(
    process.execPath,
    ['dist/cli/index.js', 'lint', '--no-cache', '--no-git', '--today', TEST_TODAY, ...args],
    {
      cwd: ROOT,
      encoding: 'utf8',
    },
  );
  return { code: out.status, stdout: out.stdout, stderr: out.stderr };
}

describe('helpdesk-kit lint', () => {
  it('exits 0 with a summary when there are no problems', () => {
    expect(run('--root', CLEAN_FIXTURE)).toEqual({ code: 0, stdout: '4 files checked: no problems\n', stderr: '' });
  });

  it('prints one line per finding and exits 1 when there are errors', () => {
    const { code, stdout } = run('--root', BROKEN);
    expect(code).toBe(1);
    expect(stdout).toMatchInlineSnapshot(`
      "content/articles/billing/invoices.md:5:1  error  tags: expected array, received string  (frontmatter-schema)
      content/articles/billing/refunds.md:2:1  error  the article has no owner, and lint.requireOwner is on; add "owner:" with the team or person who keeps it up to date  (owner-missing)
      content/articles/billing/refunds.md:3:1  warning  description is 8 characters; search results show 50–160, so say in a sentence or two what the article helps with  (description-length)
      content/articles/billing/refunds.md:4:1  warning  reviewBy 2020-01-31 has passed (2488 days ago); review the article, then set reviewBy to the next review date  (review-overdue)
      content/articles/billing/refunds.md:7:1  error  "Get a refund" is a level-1 heading; the title is the page's only h1, so start body headings at ## (level 2)  (heading-h1)
      content/articles/billing/refunds.md:9:46  error  #download is not a heading in content/articles/billing/invoices.md; it has no headings  (broken-anchor)
      content/articles/billing/refunds.md:9:83  error  the image /images/form.png has no alt text; describe what it shows between the brackets, like ![The Security settings page](/images/form.png)  (image-alt)
      content/articles/billing/refunds.md:9:83  error  /images/form.png is not in public/ (no file public/images/form.png); add the file or fix the name  (missing-image)
      content/articles/billing/refunds.md:11:1  error  "Steps" is the first heading but is level 4; the title is level 1, so use ## here  (heading-level-skip)
      content/articles/billing/refunds.md:13:7  warning  links to cheap-pills.example, which is not the help center's domain or in lint.allowedDomains; remove the link, or add the domain to lint.allowedDomains in content/site.yaml if it is trusted  (external-link)
      content/faqs/billing/refund-time.md:2:1  warning  "How long does a refund take?" asks the same as "How long do refunds take?" in content/faqs/billing/refund-duration.md (100% similar); merge the two answers, or make the questions clearly different  (similar-faq)
      4 files checked: 7 errors, 4 warnings
      "
    `);
  });

  it("checks frontmatter with the project's schemas: a field its content config adds is not unknown", () => {
    const root = fileURLToPath(new URL('../../test/fixtures/extended-frontmatter', import.meta.url));
    expect(run('--root', root)).toEqual({ code: 0, stdout: '2 files checked: no problems\n', stderr: '' });
    const builtIn = run('--root', root, '--src', 'elsewhere');
    expect(builtIn.code).toBe(1);
    expect(builtIn.stdout).toContain('invite-admins.md:4:1  error  unknown field "audience"  (frontmatter-schema)');
  });

  it('exits 0 when there are only warnings', () => {
    const root = createTestSite({
      'content/faqs/billing/casino.md':
        '---\nquestion: Where can I play?\n---\n\nSee [the casino](https://casino.example).\n',
    });
    try {
      const { code, stdout } = run('--root', root);
      expect(code).toBe(0);
      expect(stdout).toMatch(/1 warning\n$/);
    } finally {
      removeTestSite(root);
    }
  });

  it('prints GitHub annotations with --format github', () => {
    const { stdout } = run('--root', BROKEN, '--format', 'github', `${BROKEN}/content/faqs`);
    expect(stdout).toMatchInlineSnapshot(`
      "::warning file=content/faqs/billing/refund-time.md,line=2,col=1,title=similar-faq::"How long does a refund take?" asks the same as "How long do refunds take?" in content/faqs/billing/refund-duration.md (100%25 similar); merge the two answers, or make the questions clearly different
      4 files checked: 1 warning
      "
    `);
  });

  it('exits 2 when content/site.yaml is invalid, after printing the findings', () => {
    const root = createTestSite({ 'content/site.yaml': 'name: X\nurl: not a url\n' });
    try {
      const { code, stdout } = run('--root', root);
      expect(code).toBe(2);
      expect(stdout).toContain(
        'content/site.yaml:2:1  error  url: must be a full URL like https://help.example.com  (site-settings)\n',
      );
    } finally {
      removeTestSite(root);
    }
  });

  it('exits 2 on a usage error and on lint settings that name an unknown rule', () => {
    const usage = run('--format', 'xml');
    expect(usage.code).toBe(2);
    expect(usage.stderr.split('\n')[0]).toBe('--format must be one of text, json, github, not "xml"');
    const root = createTestSite({
      'content/site.yaml': 'name: X\nurl: https://help.example.com\nlint:\n  rules:\n    no-such-rule: off\n',
    });
    try {
      const settings = run('--root', root);
      expect(settings.code).toBe(2);
      expect(settings.stderr).toMatchInlineSnapshot(`
        "content/site.yaml:5:5  error  lint.rules: there is no rule "no-such-rule"; see node_modules/helpdesk-kit/docs/writer-tooling.md for the rule ids  (lint-settings)
        Fix lint settings in content/site.yaml and run again.
        "
      `);
    } finally {
      removeTestSite(root);
    }
  });
});
