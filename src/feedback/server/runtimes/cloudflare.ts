/**
 * Cloudflare Workers entry with the D1 store: bind a D1 database as DB and the built site as
 * ASSETS (see the wrangler.toml that `helpdesk-kit init` writes). Settings are Worker vars, the
 * secret a Worker secret. The tables are created on first use; the store lives for the isolate
 * (D1 has no connection to close). For Postgres, use cloudflare-postgres.ts.
 */
import { ErrorCodes, HelpCenterError } from '../../../lib/errors.ts';
import { createD1Store, type D1Database, type D1FeedbackStore } from '../stores/d1.ts';
import { createCloudflareWorker, type CloudflareEnv } from './cloudflare-worker.ts';

export interface CloudflareD1Env extends CloudflareEnv {
  /** The D1 database holding the feedback tables. */
  DB?: D1Database;
}

const stores = new WeakMap<D1Database, Promise<D1FeedbackStore>>();

export default createCloudflareWorker<CloudflareD1Env>(async (env) => {
  const db = env.DB;
  if (!db || typeof db.prepare !== 'function') {
    throw new HelpCenterError(
      ErrorCodes.InvalidFeedbackConfig,
      'bind a D1 database as DB ([[d1_databases]] binding = "DB" in wrangler.toml), or use helpdesk-kit/feedback/runtimes/cloudflare-postgres',
    );
  }
  let store = stores.get(db);
  if (!store) {
    store = createD1Store({ db });
    store.catch(() => stores.delete(db));
    stores.set(db, store);
  }
  return { store: await store };
});
