/**
 * A tiny help center in a temp git repository, with a history the report can read: created on
 * 2026-01-01; "track-a-parcel" deleted on 2026-03-05; "old-refunds" renamed to "refunds" on
 * 2026-03-06; "reset-password" edited on 2026-03-10.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const article = (title: string, owner: string, body = 'Body text.') =>
  `---\ntitle: ${title}\ndescription: About ${title.toLowerCase()}.\nowner: ${owner}\n---\n\n${body}\n`;

export function createContentFixture() {
  const root = mkdtempSync(path.join(tmpdir(), 'feedback-report-'));
  const write = (rel: string, text: string) => {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    writeFileSync(path.join(root, rel), text);
  };
  const git = (args: string[], date?: string) =>
    execFileSync(
      'git',
      ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', ...args],
      {
        cwd: root,
        stdio: 'ignore',
        env: { ...process.env, ...(date ? { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } : {}) },
      },
    );
  write('content/site.yaml', 'name: Test Help\nurl: https://help.example.com\n');
  write(
    'content/categories.yaml',
    '- id: account\n  title: Account\n  description: Your account.\n- id: billing\n  title: Billing\n  description: Payments.\n',
  );
  write('content/articles/account/reset-password.md', article('Reset your password', 'Accounts team'));
  write('content/articles/account/track-a-parcel.md', article('Track a parcel', 'Shipping team'));
  write('content/articles/billing/old-refunds.md', article('Refunds', 'Billing team'));
  write('content/articles/billing/invoices.md', article('Download invoices', 'Billing team'));
  write(
    'content/faqs/billing/why-charged-twice.md',
    '---\nquestion: Why was I charged twice?\n---\n\nA pending authorisation.\n',
  );
  git(['init', '-q']);
  git(['add', '-A']);
  git(['commit', '-q', '-m', 'initial'], '2026-01-01T10:00:00Z');
  git(['rm', '-q', 'content/articles/account/track-a-parcel.md']);
  git(['commit', '-q', '-m', 'delete'], '2026-03-05T10:00:00Z');
  git(['mv', 'content/articles/billing/old-refunds.md', 'content/articles/billing/refunds.md']);
  git(['commit', '-q', '-m', 'rename'], '2026-03-06T10:00:00Z');
  write(
    'content/articles/account/reset-password.md',
    article('Reset your password', 'Accounts team', 'Body text, now with the new button name.'),
  );
  git(['commit', '-q', '-am', 'edit'], '2026-03-10T12:00:00Z');
  return { root, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}
