/** The Node server's periodic `activity` line: what the counters added, silent drops included, counts only. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../logger.ts';
import { BROWSER_UA, createVoteBody } from '../../../../test/helpers/feedback/fixtures.ts';
import { createTempSite } from '../../../../test/helpers/feedback/spawn-server.ts';
import { parseFeedbackEnv } from './config.ts';
import { startFeedbackServer, type FeedbackServer } from './node.ts';

const site = createTempSite();
const logger = createMemoryLogger();
let server: FeedbackServer;

beforeAll(async () => {
  server = await startFeedbackServer(
    parseFeedbackEnv({ FEEDBACK_PORT: '0', FEEDBACK_DB: site.dbFile, FEEDBACK_MANIFEST: site.manifestFile }),
    { logger, configDir: site.configDir, activityIntervalMs: 200 },
  );
});
afterAll(async () => {
  await server.close();
  site.cleanup();
});

const vote = (userAgent: string) =>
  fetch(`${server.url}/feedback`, {
    method: 'POST',
    headers: { 'user-agent': userAgent, origin: 'http://localhost:4321', 'content-type': 'text/plain' },
    body: JSON.stringify(createVoteBody()),
  });

describe('the activity log line', () => {
  it('counts a vote the bot filter dropped, and one it stored, without who sent them', async () => {
    expect((await vote('curl/8.5.0')).status).toBe(202);
    expect((await vote(BROWSER_UA)).status).toBe(202);
    expect(await server.store.countVotes()).toBe(1);
    await expect.poll(() => logger.lines.filter((l) => l.event === 'activity'), { timeout: 5_000 }).toHaveLength(1);
    expect(logger.lines.find((l) => l.event === 'activity')).toEqual({
      level: 'info',
      event: 'activity',
      seconds: 0,
      'accepted.created': 1,
      'dropped.bot': 1,
    });
    // A quiet interval logs nothing.
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(logger.lines.filter((l) => l.event === 'activity')).toHaveLength(1);
  });
});
