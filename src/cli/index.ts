#!/usr/bin/env node
/**
 * `helpdesk-kit <command>`: one CLI for the help center. Each command parses its own arguments,
 * calls a tool (which returns data), prints, and returns the exit code: 0 clean, 1 findings,
 * 2 usage or configuration error.
 */
import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { feedbackReportCommand } from './commands/feedback-report.ts';
import { feedbackServeCommand } from './commands/feedback-serve.ts';
import { importCommand } from './commands/import.ts';
import { initCommand } from './commands/init.ts';
import { lintCommand } from './commands/lint.ts';
import { mcpCommand } from './commands/mcp.ts';
import { newCommand } from './commands/new.ts';
import { searchCheckCommand } from './commands/search-check.ts';
import { searchSeedCommand } from './commands/search-seed.ts';
import { staleCommand } from './commands/stale.ts';
import { EXIT_OK, getProcessIo, readOwnPackage, usageError, type CliIo, type Command } from './io.ts';

export const COMMANDS: Record<string, { run: Command; summary: string }> = {
  init: { run: initCommand, summary: 'scaffold a new help center in [dir] (default my-help)' },
  import: {
    run: importCommand,
    summary:
      'bring articles in from Zendesk, Intercom, Help Scout, Freshdesk, Document360, Jekyll, Hugo, Docusaurus or MkDocs',
  },
  lint: { run: lintCommand, summary: 'check the content: links, images, headings, reviews, pasted debris' },
  new: { run: newCommand, summary: 'create an article or FAQ with valid frontmatter' },
  stale: { run: staleCommand, summary: 'articles past reviewBy or unchanged for too long' },
  'feedback serve': { run: feedbackServeCommand, summary: 'run the "Was this helpful?" endpoint' },
  'feedback report': { run: feedbackReportCommand, summary: 'which articles and FAQs fail readers, worst first' },
  'search check': {
    run: searchCheckCommand,
    summary: 'replay the search probes against the build: which got better or worse',
  },
  'search seed': { run: searchSeedCommand, summary: 'propose search probes from the search insights' },
  mcp: { run: mcpCommand, summary: 'serve the built help center to AI assistants (MCP over stdio, read-only)' },
};

/** Commands with subcommands: `helpdesk-kit feedback serve`. */
const GROUPS = ['feedback', 'search'];

export function getUsage(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((c) => c.length));
  return `Usage: helpdesk-kit <command> [options]

Commands:
${Object.entries(COMMANDS)
  .map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`)
  .join('\n')}

Options:
  -h, --help     show this help; helpdesk-kit <command> --help shows a command's options
  -v, --version  print the version

Exit codes: 0 clean, 1 findings, 2 usage or configuration error.`;
}

export async function runCli(argv: string[], io: CliIo): Promise<number | undefined> {
  const [first, second, ...rest] = argv;
  if (first === undefined || first === '-h' || first === '--help' || first === 'help') {
    if (first === undefined) return usageError(io, 'say which command to run', getUsage());
    io.stdout.write(`${getUsage()}\n`);
    return EXIT_OK;
  }
  if (first === '-v' || first === '--version') {
    io.stdout.write(`${readOwnPackage().version}\n`);
    return EXIT_OK;
  }
  if (GROUPS.includes(first)) {
    const names = Object.keys(COMMANDS)
      .filter((c) => c.startsWith(`${first} `))
      .map((c) => c.slice(first.length + 1));
    if (second === undefined || second === '-h' || second === '--help') {
      const width = Math.max(...names.map((n) => n.length));
      const text = `Usage: helpdesk-kit ${first} ${names.join('|')} [options]\n\n${names.map((n) => `  ${n.padEnd(width)}  ${COMMANDS[`${first} ${n}`]!.summary}\n`).join('')}`;
      if (second === undefined) return usageError(io, `say ${names.join(' or ')}`, text.trimEnd());
      io.stdout.write(text);
      return EXIT_OK;
    }
    const command = COMMANDS[`${first} ${second}`];
    if (!command)
      return usageError(
        io,
        `there is no command "${first} ${second}"; use ${names.map((n) => `${first} ${n}`).join(' or ')}`,
      );
    return command.run(rest, io);
  }
  const command = COMMANDS[first];
  if (!command) return usageError(io, `there is no command "${first}"`, getUsage());
  return command.run(argv.slice(1), io);
}

// Run when executed (the bin, node dist/cli/index.js), not when imported by a test.
if (process.argv[1] && import.meta.url === pathToFileURL(realPath(process.argv[1])).href) {
  runCli(process.argv.slice(2), getProcessIo()).then(
    (code) => {
      if (code !== undefined) process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      process.exitCode = 2;
    },
  );
}

function realPath(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    return file;
  }
}
