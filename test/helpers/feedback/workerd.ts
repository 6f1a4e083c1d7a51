/**
 * Run code in the real Workers runtime (workerd) through miniflare: bundle a worker entry with
 * esbuild the way a deploy would (node:* builtins left to nodejs_compat), and start it with a D1
 * database persisted in a folder, so a test can kill the runtime and start it again on the same data.
 */
import path from 'node:path';
import { build } from 'esbuild';
import { Miniflare, type MiniflareOptions } from 'miniflare';
import { REPO_ROOT } from './spawn-server.ts';

/** The newest date this workerd release supports; the generated wrangler.toml uses the same. */
export const COMPATIBILITY_DATE = '2026-04-01';

const bundles = new Map<string, Promise<string>>();

/** One ES module with everything `entry` imports, except node:* builtins (nodejs_compat has them). */
export function bundleWorker(entry: string): Promise<string> {
  const file = path.resolve(REPO_ROOT, entry);
  let bundle = bundles.get(file);
  if (!bundle) {
    bundle = build({
      entryPoints: [file],
      bundle: true,
      write: false,
      format: 'esm',
      platform: 'neutral',
      target: 'es2022',
      mainFields: ['module', 'main'],
      conditions: ['workerd', 'worker', 'import'],
      external: ['node:*', 'cloudflare:*'],
      logLevel: 'silent',
    }).then((result) => result.outputFiles[0]!.text);
    bundles.set(file, bundle);
  }
  return bundle;
}

export interface WorkerdOptions {
  /** The worker entry, relative to the repository (bundled with esbuild). */
  entry: string;
  /** Folder holding the persisted D1 database, bound as DB; none is bound without it. */
  d1Dir?: string;
  /** Static assets folder, bound as ASSETS. */
  assetsDir?: string;
  /** Worker vars. */
  vars?: Record<string, string>;
  /** Listen on a loopback port too (for load generators); dispatchFetch works either way. */
  port?: number;
}

/** Start miniflare; `dispose()` SIGKILLs the workerd process, like a crash. */
export async function startWorkerd(options: WorkerdOptions): Promise<Miniflare> {
  const script = await bundleWorker(options.entry);
  const config: MiniflareOptions = {
    modules: true,
    script,
    scriptPath: path.resolve(REPO_ROOT, 'worker.mjs'),
    compatibilityDate: COMPATIBILITY_DATE,
    compatibilityFlags: ['nodejs_compat'],
    ...(options.d1Dir ? { d1Databases: { DB: 'feedback' }, d1Persist: options.d1Dir } : {}),
    bindings: options.vars ?? {},
    host: '127.0.0.1',
    port: options.port ?? 0,
    ...(options.assetsDir
      ? { assets: { directory: options.assetsDir, binding: 'ASSETS', routerConfig: { has_user_worker: true } } }
      : {}),
  };
  const mf = new Miniflare(config);
  await mf.ready;
  return mf;
}
