/** Writes a small content tree to a temp folder for a test: { 'content/site.yaml': '...' }. */
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const VALID_SITE = 'name: Test Help\nurl: https://help.test.example\n';
export const VALID_CATEGORIES =
  '- id: billing\n  title: Billing\n  description: Paying for things.\n- id: account\n  title: Account\n  description: Your account.\n';

export function article(title: string, extra = ''): string {
  return `---\ntitle: ${title}\ndescription: A description long enough to be a useful search result summary.\n${extra}---\n\n## First\n\nBody text.\n`;
}

export function faq(question: string, extra = ''): string {
  return `---\nquestion: ${question}\n${extra}---\n\nThe answer.\n`;
}

export function writeTempSite(files: Record<string, string>, withDefaults = true): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'hc-site-'));
  const all: Record<string, string> = withDefaults
    ? { 'content/site.yaml': VALID_SITE, 'content/categories.yaml': VALID_CATEGORIES, ...files }
    : files;
  for (const [rel, text] of Object.entries(all)) {
    const abs = path.join(root, rel);
    mkdirSync(path.dirname(abs), { recursive: true });
    writeFileSync(abs, text);
  }
  return root;
}
