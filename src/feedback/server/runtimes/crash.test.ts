/**
 * Checklist 11: acknowledged means committed. The real server (helpdesk-kit feedback serve, its
 * own process, SQLite in a temp dir) is killed with SIGKILL in the middle of a stream of votes
 * and restarted; every vote that got a 2xx must be in the database, which must be intact.
 * SIGTERM under load must drain, exit 0 and lose nothing.
 */
import { openReadOnly, readPragma, selectColumn } from '../../../../test/helpers/sqlite-file.ts';
import { afterEach, describe, expect, it } from 'vitest';
import { createTempSite, spawnFeedbackServer } from '../../../../test/helpers/feedback/spawn-server.ts';
import { streamVotes } from '../../../../test/helpers/feedback/stream-votes.ts';

const sites: Array<ReturnType<typeof createTempSite>> = [];
afterEach(() => {
  for (const site of sites.splice(0)) site.cleanup();
});

function serverEnv(site: ReturnType<typeof createTempSite>) {
  return {
    FEEDBACK_DB: site.dbFile,
    FEEDBACK_MANIFEST: site.manifestFile,
    FEEDBACK_RATE_LIMIT: 'off',
    FEEDBACK_RATE_LIMIT_GLOBAL: 'off',
    FEEDBACK_TRUST_PROXY: 'true',
  };
}

function readStored(file: string) {
  const db = openReadOnly(file);
  try {
    return {
      eventIds: new Set(selectColumn(db, 'SELECT event_id FROM votes') as string[]),
      integrity: readPragma(db, 'integrity_check'),
    };
  } finally {
    db.close();
  }
}

describe('nothing acknowledged is lost (checklist 11)', () => {
  it('keeps every acknowledged vote through a SIGKILL mid-stream, and the database passes integrity_check', async () => {
    const site = createTempSite();
    sites.push(site);
    const server = await spawnFeedbackServer(serverEnv(site));
    const killAt = 1000 + Math.floor(Math.random() * 2000);
    let killed = false;
    const result = await streamVotes({
      url: server.url,
      total: 5000,
      concurrency: 16,
      stopOnNetworkError: true,
      onAck: (count) => {
        if (count >= killAt && !killed) {
          killed = true;
          server.proc.kill('SIGKILL');
        }
      },
    });
    expect(await server.exited).toBe('SIGKILL');
    expect(result.acked.length).toBeGreaterThanOrEqual(killAt);
    expect(result.statuses).toEqual({});

    const restarted = await spawnFeedbackServer(serverEnv(site));
    expect((await fetch(`${restarted.url}/health`)).status).toBe(200);
    restarted.proc.kill('SIGTERM');
    expect(await restarted.exited).toBe(0);

    const stored = readStored(site.dbFile);
    const lost = result.acked.filter((id) => !stored.eventIds.has(id));
    expect(lost).toEqual([]);
    expect(stored.integrity).toBe('ok');
  }, 60_000);

  it('drains on SIGTERM under load: stops accepting, exits 0, and loses no acknowledged vote', async () => {
    const site = createTempSite();
    sites.push(site);
    const server = await spawnFeedbackServer(serverEnv(site));
    let signalled = false;
    const result = await streamVotes({
      url: server.url,
      total: 3000,
      concurrency: 16,
      stopOnNetworkError: true,
      onAck: (count) => {
        if (count >= 800 && !signalled) {
          signalled = true;
          server.proc.kill('SIGTERM');
        }
      },
    });
    expect(await server.exited).toBe(0);
    expect(result.acked.length).toBeGreaterThanOrEqual(800);
    expect(result.acked.length).toBeLessThan(3000);
    expect(server.logs()).toContain('"event":"stopped"');
    await expect(fetch(`${server.url}/health`)).rejects.toThrow();

    const stored = readStored(site.dbFile);
    expect(result.acked.filter((id) => !stored.eventIds.has(id))).toEqual([]);
    expect(stored.eventIds.size).toBe(result.acked.length);
    expect(stored.integrity).toBe('ok');
  }, 60_000);
});
