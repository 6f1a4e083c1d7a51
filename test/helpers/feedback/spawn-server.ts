/**
 * Run `helpdesk-kit feedback serve` (the compiled CLI, dist/cli/index.js) as its own OS process
 * (one process, so a SIGKILL really kills the server), wait for its "listening" line, and expose it to the test.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createTestManifest } from './fixtures.ts';
import type { FeedbackManifest } from '../../../src/feedback/manifest.ts';

export const REPO_ROOT = path.resolve(import.meta.dirname, '../../..');

export interface SpawnedServer {
  proc: ChildProcess;
  url: string;
  port: number;
  /** Resolves with the exit code (or the signal name) when the process ends. */
  exited: Promise<number | string>;
  /** Everything the server wrote to stderr (its JSON log). */
  logs(): string;
}

export async function spawnFeedbackServer(
  env: Record<string, string>,
  nodeArgs: readonly string[] = [],
  /** The folder the command runs in (its default root, where it reads .env). */
  cwd: string = REPO_ROOT,
): Promise<SpawnedServer> {
  const proc = spawn(process.execPath, [...nodeArgs, path.join(REPO_ROOT, 'dist/cli/index.js'), 'feedback', 'serve'], {
    cwd,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      // A generated secret goes beside the test's database folder, not into the real ~/.config.
      ...(env.FEEDBACK_DB && { XDG_CONFIG_HOME: path.join(path.dirname(env.FEEDBACK_DB), 'config') }),
      FEEDBACK_PORT: '0',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  proc.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | string>((resolve) =>
    proc.once('exit', (code, signal) => resolve(code ?? signal ?? -1)),
  );
  const listening = await new Promise<{ url: string; port: number }>((resolve, reject) => {
    let stdout = '';
    const timer = setTimeout(
      () => reject(new Error(`the feedback server did not start within 30 s; stderr:\n${stderr}`)),
      30_000,
    );
    proc.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      const line = stdout.split('\n').find((l) => l.includes('"listening"'));
      if (line) {
        clearTimeout(timer);
        resolve(JSON.parse(line) as { url: string; port: number });
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`the feedback server exited (${code}) before listening; stderr:\n${stderr}`));
    });
  });
  return { proc, ...listening, exited, logs: () => stderr };
}

/** A temp folder with a manifest file; `cleanup` removes it. */
export function createTempSite(manifest: FeedbackManifest = createTestManifest()) {
  const dir = mkdtempSync(path.join(tmpdir(), 'feedback-server-'));
  const manifestFile = path.join(dir, 'feedback-manifest.json');
  writeFileSync(manifestFile, JSON.stringify(manifest));
  return {
    dir,
    manifestFile,
    dbFile: path.join(dir, 'feedback.db'),
    /** Stands in for ~/.config/helpdesk-kit (the generated secret's folder); spawned servers use it too. */
    configDir: path.join(dir, 'config', 'helpdesk-kit'),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/**
 * The memory probe to pass as `nodeArgs` (see memory-probe.cjs). A 1 MB young generation makes
 * V8 collect short-lived garbage every megabyte, so the sampled peak is what the server keeps
 * (live data) rather than up to 16 MB of not-yet-collected garbage.
 */
export const MEMORY_PROBE_ARGS = [
  '--max-semi-space-size=1',
  '--require',
  path.join(REPO_ROOT, 'test/helpers/feedback/memory-probe.cjs'),
];

/**
 * Ask a server started with MEMORY_PROBE_ARGS for its heap + Buffer peak since the last call
 * (bytes) and its current value; the next call measures from now.
 */
export async function readMemoryProbe(server: SpawnedServer): Promise<{ peak: number; now: number }> {
  const seen = server.logs().length;
  server.proc.kill('SIGUSR2');
  for (let i = 0; i < 200; i++) {
    const line = server
      .logs()
      .slice(seen)
      .split('\n')
      .find((l) => l.includes('"memoryProbe"'));
    if (line) return (JSON.parse(line) as { memoryProbe: { peak: number; now: number } }).memoryProbe;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('the memory probe did not answer within 2 s');
}

/** Resident set size of a process in bytes (Linux /proc). */
export async function getRssBytes(pid: number): Promise<number> {
  const { readFileSync } = await import('node:fs');
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return Number(match?.[1] ?? 0) * 1024;
}
