/**
 * A worker that runs the D1 store inside workerd and lets a Node test call it: POST a JSON
 * `{ store, method, args }` and get `{ value }` or `{ error }` back. Stores live in the isolate,
 * so one test's store keeps its state (closed or not) across calls, as it would in a worker.
 * `reset` drops every table, so the next store migrates an empty database, as on first use.
 */
import { createD1Store, type D1Database, type D1FeedbackStore } from '../../../src/feedback/server/stores/d1.ts';

interface Env {
  DB: D1Database;
}

interface Call {
  store: string;
  method: string;
  args: unknown[];
}

const stores = new Map<string, D1FeedbackStore>();

async function dropAllTables(db: D1Database): Promise<void> {
  const { results } = await db
    .prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%'",
    )
    .all<{ name: string }>();
  if (results.length) await db.batch(results.map((t) => db.prepare(`DROP TABLE "${t.name}"`)));
}

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const call = (await request.json()) as Call;
    try {
      let value: unknown;
      if (call.method === 'reset') {
        stores.clear();
        await dropAllTables(env.DB);
      } else if (call.method === 'open') {
        stores.set(call.store, await createD1Store({ db: env.DB }));
      } else {
        const store = stores.get(call.store);
        if (!store) throw new Error(`no store ${call.store}`);
        const methods = store as unknown as Record<string, ((...args: unknown[]) => Promise<unknown>) | undefined>;
        const method = methods[call.method];
        if (typeof method !== 'function') throw new Error(`the store has no method ${call.method}`);
        value = await method(...call.args);
      }
      return Response.json({ value: value ?? null });
    } catch (err) {
      return Response.json({ error: (err as Error).message });
    }
  },
};
