/** `helpdesk-kit feedback serve`: the "Was this helpful?" endpoint as a Node server. */
import path from 'node:path';
import { findAstroOutDir } from '../astro-out-dir.ts';
import { readSecretFromEnvFile } from '../../feedback/server/runtimes/env-file-secret.ts';
import { runFeedbackServer } from '../../feedback/server/runtimes/node.ts';
import { isPostgresUrl } from '../../feedback/server/stores/create-store.ts';
import { PROJECT_OPTIONS, HELP_OPTION, parseCommandArgs, resolveRoot, type Command } from '../io.ts';

export const SERVE_USAGE = `Usage: helpdesk-kit feedback serve [options]

Runs the feedback endpoint (votes and search events) on http://127.0.0.1:8787 until stopped
(Ctrl+C or SIGTERM drain and close cleanly; SIGHUP reloads the manifest). FEEDBACK_SECRET comes
from the environment, else from .env in --root (where helpdesk-kit init wrote it), else from a
generated file. Every other setting comes from the FEEDBACK_* environment variables (see the
feedback documentation); a flag wins over its variable. Logs are JSON lines on stderr; stdout gets one "listening" line.

Options:
  --port <n>                     port (FEEDBACK_PORT, default 8787; 0 picks a free one)
  --host <address>               address to listen on (FEEDBACK_HOST, default 127.0.0.1)
  --store <FILE|postgres://...>  SQLite file (FEEDBACK_DB, default data/feedback.db in --root) or PostgreSQL URL (FEEDBACK_STORE_URL)
  --manifest <FILE>              the build's feedback manifest (FEEDBACK_MANIFEST, default feedback-manifest.json in the outDir of --root's Astro config, dist/ without one)
  --root <dir>                   project root the default paths are in (default: current folder)
  -h, --help                     show this help

Exit code: 1 when the server cannot start (bad setting, store unreachable), 0 after a clean stop.`;

export const feedbackServeCommand: Command = async (argv, io) => {
  const parsed = parseCommandArgs(io, SERVE_USAGE, {
    args: argv,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      store: { type: 'string' },
      manifest: { type: 'string' },
      root: PROJECT_OPTIONS.root,
      help: HELP_OPTION,
    },
  });
  if (typeof parsed === 'number') return parsed;
  const { values } = parsed;
  const root = resolveRoot(io, values.root);
  const env = { ...io.env };
  if (values.port !== undefined) env.FEEDBACK_PORT = values.port;
  if (values.host !== undefined) env.FEEDBACK_HOST = values.host;
  if (values.store !== undefined) {
    if (isPostgresUrl(values.store)) env.FEEDBACK_STORE_URL = values.store;
    else {
      env.FEEDBACK_DB = path.resolve(io.cwd, values.store);
      delete env.FEEDBACK_STORE_URL;
    }
  }
  if (values.manifest !== undefined) env.FEEDBACK_MANIFEST = path.resolve(io.cwd, values.manifest);
  // The defaults live in the project, not wherever the command was started.
  env.FEEDBACK_DB = path.resolve(io.cwd, env.FEEDBACK_DB || path.join(root, 'data/feedback.db'));
  try {
    // The build's manifest is where the site's Astro config builds to (dist/ unless outDir says otherwise).
    env.FEEDBACK_MANIFEST = path.resolve(
      io.cwd,
      env.FEEDBACK_MANIFEST || path.join(await findAstroOutDir(root), 'feedback-manifest.json'),
    );
  } catch (err) {
    io.stderr.write(`${(err as Error).message}\n`);
    return 1;
  }
  // One secret in one place: the one `helpdesk-kit init` wrote to the site's .env, unless the
  // environment names its own.
  let fromFile: ReturnType<typeof readSecretFromEnvFile>;
  try {
    fromFile = readSecretFromEnvFile(env, root);
  } catch (err) {
    io.stderr.write(`${(err as Error).message}\n`);
    return 1;
  }
  if (fromFile) env.FEEDBACK_SECRET = fromFile.secret;
  await runFeedbackServer(env, { secretFrom: fromFile && `FEEDBACK_SECRET from ${fromFile.file}` });
  // Started: the server keeps the process alive and handles its own signals and exit codes.
  return process.exitCode === undefined || process.exitCode === 0 ? undefined : Number(process.exitCode);
};
