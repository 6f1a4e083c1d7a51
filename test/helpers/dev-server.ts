/**
 * Starts the real `astro dev` of the repository's config in a child process, pointed at a content
 * folder, with its own cache folder, on a free port. The compiled package (dist/) must be built.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import path from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { getCleanEnv, REPO_ROOT } from './build-site.ts';

export interface DevServer {
  /** The server's address, ending in a slash. */
  url: string;
  /** Everything the server has printed so far, without colours. */
  output(): string;
  /** Resolves once the output matches `pattern` `count` times; rejects after `timeout` ms. */
  waitForOutput(pattern: RegExp, count?: number, timeout?: number): Promise<void>;
  stop(): Promise<void>;
}

async function findFreePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  await once(server, 'close');
  return port;
}

export async function startDevServer(name: string, contentDir: string, timeout = 120_000): Promise<DevServer> {
  const port = await findFreePort();
  const child = spawn(
    process.execPath,
    // --ignore-lock: Astro 7 allows one tracked dev server per project root, and every test site
    // here is the repository's root with another content folder, some at the same time.
    [
      path.join(REPO_ROOT, 'node_modules/astro/bin/astro.mjs'),
      'dev',
      '--ignore-lock',
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
    ],
    {
      cwd: REPO_ROOT,
      env: {
        ...getCleanEnv(),
        HELP_CENTER_CONTENT_DIR: contentDir,
        HELP_CENTER_CACHE_DIR: path.join(REPO_ROOT, '.cache', 'astro', `dev-${name}`),
        ASTRO_TELEMETRY_DISABLED: '1',
        CI: '1',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    },
  );
  let output = '';
  const listeners = new Set<() => void>();
  const append = (chunk: Buffer) => {
    // Without the colours, which split the lines Astro prints.
    output += stripVTControlCharacters(chunk.toString('utf8'));
    listeners.forEach((check) => check());
  };
  child.stdout.on('data', append);
  child.stderr.on('data', append);
  const exited = once(child, 'exit');

  const waitForOutput = (pattern: RegExp, count = 1, ms = timeout) =>
    new Promise<void>((resolve, reject) => {
      const global = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
      const timer = setTimeout(() => {
        listeners.delete(check);
        reject(new Error(`The dev server did not print ${pattern} ${count} times within ${ms} ms:\n${output}`));
      }, ms);
      const check = () => {
        if ((output.match(global) ?? []).length < count) return;
        clearTimeout(timer);
        listeners.delete(check);
        resolve();
      };
      listeners.add(check);
      check();
    });

  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    // The whole process group: Astro's child processes (Pagefind, esbuild) go with it.
    process.kill(-child.pid!, 'SIGTERM');
    await exited;
  };

  try {
    await Promise.race([
      waitForOutput(/watching for file changes/),
      exited.then(() => Promise.reject(new Error(`The dev server exited:\n${output}`))),
    ]);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url: `http://127.0.0.1:${port}/`, output: () => output, waitForOutput, stop };
}
