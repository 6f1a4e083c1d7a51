/**
 * Cloudflare Workers entry with a Postgres store (needs the nodejs_compat flag for `pg`): set
 * FEEDBACK_STORE_URL, or bind Hyperdrive as HYPERDRIVE. Workers may not reuse a connection across
 * requests, so each request opens its own small store and closes it in waitUntil. For D1, the
 * store most Workers sites want, use cloudflare.ts.
 */
import { ErrorCodes, HelpCenterError } from '../../../lib/errors.ts';
import { createPostgresStore } from '../stores/postgres.ts';
import { createCloudflareWorker, type CloudflareEnv } from './cloudflare-worker.ts';

export interface CloudflarePostgresEnv extends CloudflareEnv {
  /** A Hyperdrive binding in front of Postgres. */
  HYPERDRIVE?: { connectionString: string };
}

let migrated = false;

export default createCloudflareWorker<CloudflarePostgresEnv>(async (env, settings) => {
  const url = env.HYPERDRIVE?.connectionString ?? settings.FEEDBACK_STORE_URL;
  if (!url) {
    throw new HelpCenterError(
      ErrorCodes.InvalidFeedbackConfig,
      'this Workers entry stores in Postgres: set FEEDBACK_STORE_URL=postgres://... or bind Hyperdrive as HYPERDRIVE (or use helpdesk-kit/feedback/runtimes/cloudflare with D1)',
    );
  }
  const store = await createPostgresStore({
    url,
    schema: settings.FEEDBACK_PG_SCHEMA,
    poolMax: 1,
    skipMigrations: migrated,
  });
  migrated = true;
  return { store, release: () => store.close() };
});
