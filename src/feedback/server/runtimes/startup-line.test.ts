/** The Node server's start-up log line says that bot and headless votes are dropped, so a first test vote does not look lost. */
import { afterEach, describe, expect, it } from 'vitest';
import { createTempSite, spawnFeedbackServer } from '../../../../test/helpers/feedback/spawn-server.ts';

const sites: Array<ReturnType<typeof createTempSite>> = [];
afterEach(() => {
  for (const site of sites.splice(0)) site.cleanup();
});

describe('the feedback server start-up line', () => {
  it('says that votes from headless browsers are dropped', async () => {
    const site = createTempSite();
    sites.push(site);
    const server = await spawnFeedbackServer({ FEEDBACK_DB: site.dbFile, FEEDBACK_MANIFEST: site.manifestFile });
    try {
      await expect.poll(() => server.logs()).toContain('"event":"listening"');
      const line = server
        .logs()
        .split('\n')
        .find((l) => l.includes('"event":"listening"'))!;
      expect(JSON.parse(line)).toMatchObject({ note: expect.stringContaining('headless browsers') });
    } finally {
      server.proc.kill('SIGTERM');
      await server.exited;
    }
  });
});
