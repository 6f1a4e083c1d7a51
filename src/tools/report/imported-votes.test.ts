/**
 * Zendesk votes end to end: the import writes content/imported-votes.yaml by the new ids, and the
 * report (every format) shows that baseline beside our own votes without adding it to them.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSqliteStore } from '../../feedback/server/stores/sqlite.ts';
import { readVoteBaseline, VoteBaselineError } from '../../feedback/vote-baseline.ts';
import { REPO_ROOT } from '../../../test/helpers/feedback/spawn-server.ts';
import { createVoteRecord } from '../../../test/helpers/feedback/store-contract.ts';
import { fromZendeskVotes } from '../import/sources/hosted.ts';
import { importContent } from '../import/import-content.ts';

const tmp = mkdtempSync(path.join(tmpdir(), 'imported-votes-'));
const exportDir = path.join(tmp, 'export');
const contentDir = path.join(tmp, 'content');
const baselineFile = path.join(contentDir, 'imported-votes.yaml');
const dbFile = path.join(tmp, 'data', 'feedback.db');
const ID = 'article:download-an-invoice';

beforeAll(async () => {
  cpSync(path.join(REPO_ROOT, 'test/fixtures/import-zendesk'), exportDir, { recursive: true });
  // The day the export was saved is its date: the files' modification time.
  const saved = new Date('2024-05-02T09:00:00Z');
  for (const f of readdirSync(exportDir)) utimesSync(path.join(exportDir, f), saved, saved);
  importContent({ source: exportDir, from: 'zendesk', outDir: contentDir });
  const store = await createSqliteStore({ file: dbFile });
  for (const vote of ['down', 'down', 'up'] as const)
    await store.recordVote(
      createVoteRecord({ itemId: ID, vote, receivedAt: Date.parse('2026-03-02T10:00:00Z') + Math.random() }),
    );
  await store.close();
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const report = (args: string[]) =>
  spawnSync(
    process.execPath,
    [path.join(REPO_ROOT, 'dist/cli/index.js'), 'feedback', 'report', '--store', dbFile, ...args],
    { cwd: tmp, encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } },
  );

describe('the Zendesk vote baseline', () => {
  it('turns vote_sum and vote_count into ups and downs, and refuses numbers that do not add up', () => {
    expect(fromZendeskVotes(5, 7)).toEqual({ up: 6, down: 1 });
    expect(fromZendeskVotes(-2, 2)).toEqual({ up: 0, down: 2 });
    expect(fromZendeskVotes(4, 7)).toBeUndefined();
    expect(fromZendeskVotes(9, 7)).toBeUndefined();
    expect(fromZendeskVotes(undefined, 7)).toBeUndefined();
  });

  it('is written by the import, keyed by the new article id, with the source and the export day', () => {
    expect(readFileSync(baselineFile, 'utf8')).toContain(
      `${ID}: { source: "zendesk", exported: "2024-05-02", up: 6, down: 1 }\n`,
    );
    // Only the article with votes; its German translation repeats the same votes and is not counted again.
    expect([...readVoteBaseline(tmp, contentDir).keys()]).toEqual([ID]);
  });

  it('keeps the entries of ids the import does not bring when importing again', () => {
    const before = readFileSync(baselineFile, 'utf8');
    writeFileSync(
      baselineFile,
      `${before}article:from-elsewhere: { source: "zendesk", exported: "2023-01-01", up: 1, down: 0 }\n`,
    );
    importContent({ source: exportDir, from: 'zendesk', outDir: contentDir });
    expect([...readVoteBaseline(tmp, contentDir).keys()]).toEqual([ID, 'article:from-elsewhere']);
    writeFileSync(baselineFile, before);
  });

  it('shows in every format apart from our own votes, never summed into them', () => {
    const json = JSON.parse(report(['--format', 'json']).stdout);
    const row = json.items.find((r: { id: string }) => r.id === ID);
    expect([row.votes, row.up, row.down]).toEqual([3, 1, 2]);
    expect(row.imported).toEqual({
      source: 'zendesk',
      exported: '2024-05-02',
      up: 6,
      down: 1,
      votes: 7,
      helpfulShare: 6 / 7,
    });
    expect(json.totals).toMatchObject({ votes: 3, up: 1, down: 2 });
    expect(json.importedTotals).toMatchObject({ votes: 7, up: 6, items: 1, sources: ['zendesk'] });

    const text = report([]).stdout;
    expect(text).toContain('3 votes on 1 item, 33% helpful.');
    expect(text).toContain(
      'Imported baseline from zendesk (every vote up to the export, not counted above): 7 votes on 1 item, 86% helpful.',
    );
    expect(text).toContain('imported from zendesk (every vote up to 2024-05-02, not in the score): 86% helpful of 7');

    const csv = report(['--format', 'csv']).stdout.split('\r\n');
    expect(csv[0]).toMatch(/,imported_source,imported_exported,imported_up,imported_down$/);
    expect(csv.find((l) => l.startsWith(`${ID},`))).toMatch(/,3,1,2,.*,zendesk,2024-05-02,6,1$/);

    const html = report(['--format', 'html']).stdout;
    expect(html).toContain('<th scope="col" data-type="number"><button type="button">Imported votes</button></th>');
    expect(html).toContain('86% of 7 <small>(zendesk, to 2024-05-02)</small>');
    expect(html).toContain('Imported baseline from zendesk: 7 votes on 1 item, 86% helpful');
  });

  it('stops the report with the file, the line and the fix when the file is malformed', () => {
    const before = readFileSync(baselineFile, 'utf8');
    writeFileSync(
      baselineFile,
      `${before}article:broken: { source: "zendesk", exported: "2024-13-01", up: -1, down: 0 }\n`,
    );
    try {
      expect(() => readVoteBaseline(tmp, contentDir)).toThrow(VoteBaselineError);
      const result = report([]);
      expect(result.status).toBe(2);
      expect(result.stderr).toContain('content/imported-votes.yaml:4:');
      expect(result.stderr).toContain('article:broken.exported: is not a real day');
      expect(result.stderr).toContain('article:broken.up: must not be negative');
      expect(result.stderr).toContain(
        'Each entry is "article:<slug>: { source: zendesk, exported: YYYY-MM-DD, up: N, down: N }"',
      );
    } finally {
      writeFileSync(baselineFile, before);
    }
  });
});
