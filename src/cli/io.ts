/**
 * What a command may touch of the outside world, passed in so the commands run the same in
 * process (tests) and as the `helpdesk-kit` binary. The CLI is the boundary: only here are the
 * current folder and the environment read.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';

export interface OutStream {
  write(text: string): unknown;
  isTTY?: boolean;
}

export interface CliIo {
  stdout: OutStream;
  stderr: OutStream;
  cwd: string;
  env: Record<string, string | undefined>;
  /** Input for commands that read it (mcp); default process.stdin. */
  stdin?: NodeJS.ReadableStream;
}

/**
 * A command: parses its own argv, returns the exit code (undefined: keep running, e.g. a server),
 * at once or, for a command that waits on something, as a promise.
 */
export type Command = (argv: string[], io: CliIo) => number | undefined | Promise<number | undefined>;

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

export function getProcessIo(): CliIo {
  return { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd(), env: process.env };
}

/** Usage errors: the message, a blank line, the usage, on stderr; exit code 2. */
export function usageError(io: CliIo, message: string, usage?: string): number {
  io.stderr.write(`${message}\n${usage ? `\n${usage}\n` : ''}`);
  return EXIT_USAGE;
}

/**
 * One progress line on stderr, rewritten in place, only when stderr is a terminal: a pipe or a
 * log file gets nothing, and stdout is never touched.
 */
export function createProgress(io: CliIo): { update(message: string): void; done(): void } {
  const live = Boolean(io.stderr.isTTY) && !io.env.CI;
  let shown = false;
  return {
    update(message) {
      if (!live) return;
      io.stderr.write(`\r\x1b[2K${message}…`);
      shown = true;
    },
    done() {
      if (shown) io.stderr.write('\r\x1b[2K');
      shown = false;
    },
  };
}

/** `--help`, which every command takes. */
export const HELP_OPTION = { type: 'boolean', short: 'h', default: false } as const;

/** `--root` and `--content`, which every command that reads a project takes. */
export const PROJECT_OPTIONS = { root: { type: 'string' }, content: { type: 'string', default: 'content' } } as const;

/**
 * A command's arguments, parsed: the values, or the exit code when there is nothing more to do
 * (a usage error, printed with the usage; `--help`, which prints the usage).
 */
export function parseCommandArgs<T extends ParseArgsConfig>(
  io: CliIo,
  usage: string,
  config: T,
): ReturnType<typeof parseArgs<T>> | number {
  let parsed: ReturnType<typeof parseArgs<T>>;
  try {
    parsed = parseArgs(config);
  } catch (err) {
    return usageError(io, (err as Error).message, usage);
  }
  if ((parsed.values as { help?: boolean }).help) {
    io.stdout.write(`${usage}\n`);
    return EXIT_OK;
  }
  return parsed;
}

/** The project root from --root (relative to the current folder), else the current folder. */
export function resolveRoot(io: CliIo, root: string | undefined): string {
  return path.resolve(io.cwd, root ?? '.');
}

/** The package's own package.json (this file is src/cli/io.ts or dist/cli/io.js). */
export function readOwnPackage(): { name: string; version: string } {
  return JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    name: string;
    version: string;
  };
}
