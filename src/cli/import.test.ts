/** `helpdesk-kit import` in process: usage errors, a dry run that writes nothing, and --force. */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { zipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './index.ts';
import type { CliIo } from './io.ts';

const fixture = path.resolve(import.meta.dirname, '../../test/fixtures/import-zendesk');
const tmp = mkdtempSync(path.join(tmpdir(), 'helpdesk-import-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function makeIo() {
  const out = { stdout: '', stderr: '' };
  const io: CliIo = {
    stdout: { write: (s: string) => (out.stdout += s) },
    stderr: { write: (s: string) => (out.stderr += s) },
    cwd: tmp,
    env: {},
  };
  return { io, out };
}

const article = path.join(tmp, 'content/articles/billing-payments/invoices/download-an-invoice.md');

describe('helpdesk-kit import', () => {
  it('exits 2 without a source, without --from, with an unknown --from or a missing source', async () => {
    for (const argv of [
      ['import'],
      ['import', fixture],
      ['import', fixture, '--from', 'confluence'],
      ['import', 'nowhere', '--from', 'zendesk'],
    ]) {
      const { io, out } = makeIo();
      expect(await runCli(argv, io), argv.join(' ')).toBe(2);
      expect(out.stderr).not.toBe('');
    }
  });

  it('lists the files of a dry run and writes nothing', async () => {
    const { io, out } = makeIo();
    expect(await runCli(['import', fixture, '--from', 'zendesk', '--dry-run'], io)).toBe(0);
    expect(out.stdout).toContain('Would write');
    expect(out.stdout).toContain('content/articles/billing-payments/invoices/download-an-invoice.md');
    expect(existsSync(path.join(tmp, 'content'))).toBe(false);
  });

  it('splits FAQ pages with --split-faq and says so in the summary', async () => {
    const { io, out } = makeIo();
    const hugo = path.resolve(import.meta.dirname, '../../test/fixtures/import-hugo');
    expect(await runCli(['import', hugo, '--from', 'hugo', '--split-faq', '--dry-run'], io)).toBe(0);
    expect(out.stdout).toContain('  content/faqs/account/two-accounts.md\n');
    expect(out.stdout).not.toContain('public/docs/account/faq/index.html');
    expect(out.stdout).toContain('Split into FAQs (--split-faq) (1):\n  content/docs/account/faq.md -> 3 FAQs');
    expect(out.stdout).toMatch(/1 pages split into 3 FAQs/);
  });

  it('imports, keeps a file the writer changed unless --force, and is the same on a second run', async () => {
    const first = makeIo();
    expect(await runCli(['import', fixture, '--from', 'zendesk'], first.io)).toBe(0);
    expect(first.out.stdout).toMatch(/Summary: 5 imported \(1 translation\), 1 skipped/);
    const again = makeIo();
    expect(await runCli(['import', fixture, '--from', 'zendesk'], again.io)).toBe(0);
    expect(again.out.stdout).not.toContain('Renamed');
    writeFileSync(article, `${readFileSync(article, 'utf8')}\nThe writer's own line.\n`);
    const kept = makeIo();
    expect(await runCli(['import', fixture, '--from', 'zendesk'], kept.io)).toBe(1);
    expect(kept.out.stdout).toContain('Kept because they exist and differ');
    expect(readFileSync(article, 'utf8')).toContain("The writer's own line.");
    expect(await runCli(['import', fixture, '--from', 'zendesk', '--force'], makeIo().io)).toBe(0);
    expect(readFileSync(article, 'utf8')).not.toContain("The writer's own line.");
  });
});

describe('helpdesk-kit import and lint.requireOwner', () => {
  const project = path.join(tmp, 'owners');
  const site = (requireOwner: boolean) => {
    // The starter's site.yaml, as `helpdesk-kit init` writes it (it requires owners).
    const starter = readFileSync(
      path.resolve(import.meta.dirname, '../../templates/starter/content/site.yaml'),
      'utf8',
    );
    rmSync(project, { recursive: true, force: true });
    mkdirSync(path.join(project, 'content'), { recursive: true });
    writeFileSync(
      path.join(project, 'content/site.yaml'),
      starter.replace('{{title}}', 'Acme Help').replace(/requireOwner: true/, `requireOwner: ${requireOwner}`),
    );
  };
  const run = async (...extra: string[]) => {
    const { io, out } = makeIo();
    const code = await runCli(['import', fixture, '--from', 'zendesk', '--root', project, '--force', ...extra], io);
    return { code, stdout: out.stdout, stderr: out.stderr };
  };
  const imported = () =>
    readFileSync(path.join(project, 'content/articles/billing-payments/invoices/download-an-invoice.md'), 'utf8');

  it('names no owner it does not know, and shows the missing ones as warnings with the fix', async () => {
    site(true);
    const { code, stdout } = await run();
    expect(imported()).not.toMatch(/^owner:/m);
    expect(stdout).toMatch(/owner-missing \(\d+\):\n {2}content\/articles\/[^\n]* {2}warning {2}/);
    expect(stdout).not.toMatch(/ error {2}[^\n]*\(owner-missing\)/);
    expect(stdout).toMatch(/\d+ imported articles name no owner, and lint\.requireOwner is on/);
    expect(stdout).toContain('Import again with --owner <team-or-person>');
    expect(code).toBe(0);
  });

  it('writes --owner into every imported article and translation', async () => {
    site(true);
    const { code, stdout } = await run('--owner', 'Billing team');
    expect(imported()).toMatch(/^owner: Billing team$/m);
    expect(
      readFileSync(path.join(project, 'content/de/articles/billing-payments/invoices/download-an-invoice.md'), 'utf8'),
    ).toMatch(/^owner: Billing team$/m);
    expect(stdout).not.toContain('owner-missing');
    expect(stdout).not.toContain('name no owner');
    expect(code).toBe(0);
  });

  it('says nothing about owners when the site does not require them, and refuses an empty --owner', async () => {
    site(false);
    const { stdout } = await run();
    expect(stdout).not.toContain('owner');
    expect((await run('--owner', '  ')).code).toBe(2);
  });
});

describe('helpdesk-kit import with values that would leave --out', () => {
  const BODY = '<p>Every month Acme sends an invoice as a PDF to the billing contact of your workspace.</p>';
  const project = path.join(tmp, 'refusing');
  const source = path.join(project, 'export');

  it('refuses the item, names it on a dry run and a real run alike, exits 1 and writes nothing outside', async () => {
    mkdirSync(source, { recursive: true });
    writeFileSync(
      path.join(source, 'export.json'),
      JSON.stringify({
        articles: [{ id: 100, title: 'Download an invoice', body: BODY, locale: 'en-us' }],
        translations: [
          { id: 7, source_id: 100, source_type: 'Article', locale: '../../../x', title: 'Rechnung', body: BODY },
        ],
      }),
    );
    const line =
      '\nRefused: values that cannot be a path inside site/content, nothing of them written (ImportValueRefused) (1):\n' +
      '  translations#7/../../../x ("Rechnung"): the locale "../../../x" is not a BCP 47 language tag; use a plain language tag (a language, then optionally a script and a region), like "de", "pt-BR" or "zh-Hant"; it was not imported\n';
    const args = ['import', source, '--from', 'zendesk', '--root', project, '--out', 'site/content'];
    const dry = makeIo();
    expect(await runCli([...args, '--dry-run'], dry.io)).toBe(1);
    expect(dry.out.stdout).toContain(line);
    expect(readdirSync(project)).toEqual(['export']);
    const real = makeIo();
    expect(await runCli(args, real.io)).toBe(1);
    expect(real.out.stdout).toContain(line);
    expect(readdirSync(project).sort()).toEqual(['export', 'site']);
    expect(readdirSync(path.join(project, 'site'))).toEqual(['content']);
    expect(readdirSync(path.join(project, 'site/content')).sort()).toEqual([
      'articles',
      'categories.yaml',
      'site.yaml',
    ]);
  });

  it('exits 2 with the code and message when the ZIP is too large, and leaves nothing behind', async () => {
    mkdirSync(project, { recursive: true });
    const zip = path.join(project, 'export.zip');
    const bytes = Buffer.from(zipSync({ 'v1/Start/Welcome.md': new TextEncoder().encode('# Welcome\n') }));
    bytes.writeUInt32LE(0xfffffff0, bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])) + 24);
    writeFileSync(zip, bytes);
    const { io, out } = makeIo();
    expect(await runCli(['import', zip, '--from', 'document360', '--root', project, '--out', 'd360'], io)).toBe(2);
    expect(out.stderr).toBe(
      `[ImportArchiveTooLarge] ${zip} unpacks to more than 1024 MiB; nothing was imported. If the export really is that large, unpack it yourself and import the folder.\n`,
    );
    expect(existsSync(path.join(project, 'd360'))).toBe(false);
  });
});
