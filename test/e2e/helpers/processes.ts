/** Child processes the browser tests need (the static site, the feedback endpoint): free ports, readiness, clean stops. */
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import { getCleanEnv } from '../../helpers/build-site.ts';

export interface RunningProcess {
  url: string;
  /** What the process printed so far (for error messages). */
  output: () => string;
  stop: () => Promise<void>;
}

/** A TCP port nobody listens on right now, on 127.0.0.1. */
export function getFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Starts a command with a plain-shell environment (plus `env`) and resolves once `readyUrl` answers. */
export async function startProcess(
  name: string,
  args: string[],
  options: { cwd: string; env: Record<string, string>; url: string; readyUrl: string; timeoutMs?: number },
): Promise<RunningProcess> {
  const child = spawn(process.execPath, args, {
    cwd: options.cwd,
    env: { ...getCleanEnv(), ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const running: RunningProcess = { url: options.url, output: () => output, stop: () => stopProcess(child) };
  const deadline = Date.now() + (options.timeoutMs ?? 30_000);
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`${name} exited with code ${child.exitCode} before it was ready:\n${output}`);
    try {
      const response = await fetch(options.readyUrl);
      if (response.status < 500) return running;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  await running.stop();
  throw new Error(`${name} did not answer ${options.readyUrl} within ${options.timeoutMs ?? 30_000} ms:\n${output}`);
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
