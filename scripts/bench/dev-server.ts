/**
 * `astro dev` measured as a writer meets it: how long until the server answers an article page
 * (ready, and the page's first response), then how long an edit to that article's file takes to
 * appear in the page the server returns (polled every 100 ms). Optionally under `--cpu-prof`,
 * so the edits' CPU time can be split by package and by our folders.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { getCleanEnv } from '../../test/helpers/build-site.ts';
import type { ProfileWindow } from './profile.ts';

export interface DevMeasurement {
  /** When the process started, on the monotonic clock (µs). */
  startUs: number;
  /** From starting the process to Astro's "ready" line (the content layer synced, the server listening). */
  readyMs: number;
  /** From starting the process to the article page's first full response. */
  firstPageMs: number;
  /** For each edit: from writing the file to the page showing the new sentence. */
  editVisibleMs: number[];
  /** The edits' windows on the monotonic clock, to slice a CPU profile with. */
  editWindows: ProfileWindow[];
}

const nowUs = () => Number(process.hrtime.bigint() / 1000n);

function getFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function fetchText(url: string): Promise<string | undefined> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(30_000) });
    return response.ok ? await response.text() : undefined;
  } catch {
    return undefined;
  }
}

/** Polls `url` every 100 ms until its body contains `text` (or the time limit passes). */
async function waitForText(url: string, text: string, limitMs: number): Promise<boolean> {
  const until = Date.now() + limitMs;
  while (Date.now() < until) {
    if ((await fetchText(url))?.includes(text)) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}

export interface DevOptions {
  cwd: string;
  env: Record<string, string>;
  /** The article's Markdown file and the server path of its page. */
  articleFile: string;
  pagePath: string;
  edits: number;
  nodeArgs?: string[];
}

export async function measureDevServer(options: DevOptions): Promise<DevMeasurement> {
  const port = await getFreePort();
  const astro = path.join(options.cwd, 'node_modules/astro/bin/astro.mjs');
  const startUs = nowUs();
  const started = performance.now();
  const child = spawn(
    process.execPath,
    [...(options.nodeArgs ?? []), astro, 'dev', '--port', String(port), '--host', '127.0.0.1'],
    {
      cwd: options.cwd,
      env: { ...getCleanEnv(), ASTRO_TELEMETRY_DISABLED: '1', ...options.env },
    },
  );
  let log = '';
  let readyMs = 0;
  const onData = (c: Buffer) => {
    log += c.toString();
    if (!readyMs && /ready in/i.test(stripVTControlCharacters(log))) readyMs = Math.round(performance.now() - started);
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  const exited = new Promise<void>((resolve) => child.on('close', () => resolve()));
  const url = `http://127.0.0.1:${port}${options.pagePath}`;
  const original = readFileSync(options.articleFile, 'utf8');
  try {
    // Ready: the page answers 200 (a cold start syncs every file first).
    if (!(await waitForText(url, '', 1_200_000)))
      throw new Error(`astro dev did not serve ${url} within 20 minutes:\n${log.slice(-3000)}`);
    const firstPageMs = Math.round(performance.now() - started);
    if (!readyMs) readyMs = firstPageMs;
    const editVisibleMs: number[] = [];
    const editWindows: ProfileWindow[] = [];
    for (let edit = 1; edit <= options.edits; edit++) {
      // Let the watcher settle after the start or the previous edit.
      await new Promise((r) => setTimeout(r, 2000));
      const marker = `Dev edit marker ${edit} ${Math.random().toString(36).slice(2, 10)}.`;
      const fromUs = nowUs();
      const t0 = performance.now();
      writeFileSync(options.articleFile, `${original.trimEnd()}\n\n${marker}\n`);
      if (!(await waitForText(url, marker, 120_000)))
        throw new Error(`the edit did not appear in ${url} within 2 minutes:\n${log.slice(-3000)}`);
      editVisibleMs.push(Math.round(performance.now() - t0));
      editWindows.push({ fromUs, toUs: nowUs() });
    }
    return { startUs, readyMs, firstPageMs, editVisibleMs, editWindows };
  } finally {
    writeFileSync(options.articleFile, original);
    // SIGINT: Astro closes the server and exits, so `--cpu-prof` writes its profile.
    child.kill('SIGINT');
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    await exited;
    clearTimeout(timer);
  }
}

/** The first article of the first category (sorted), and its page's path on both sites. */
export function pickDevArticle(articlesDir: string): { file: string; pagePath: string } {
  const category = readdirSync(articlesDir).sort()[0]!;
  const name = readdirSync(path.join(articlesDir, category))
    .filter((f) => f.endsWith('.md'))
    .sort()[0]!;
  return { file: path.join(articlesDir, category, name), pagePath: `/${category}/${name.replace(/\.md$/, '')}/` };
}
