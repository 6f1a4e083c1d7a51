/**
 * Serves the built help center and its feedback endpoint together for local use
 * (`npm start` builds first): the site on http://127.0.0.1:4321 and the endpoint on
 * http://127.0.0.1:8787 storing votes in data/feedback.db. Ctrl+C stops both cleanly.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';

// The sample site builds into dist-site/ (dist/ is the compiled package).
const SITE = 'dist-site';
if (!existsSync(`${SITE}/feedback-manifest.json`) || !existsSync('dist/cli/index.js')) {
  console.error(`${SITE}/ or dist/ has no build yet: run "npm run build" first (npm start does both).`);
  process.exit(2);
}

const children: ChildProcess[] = [
  spawn(
    process.execPath,
    [
      'dist/cli/index.js',
      'feedback',
      'serve',
      ...(process.env.FEEDBACK_MANIFEST ? [] : ['--manifest', `${SITE}/feedback-manifest.json`]),
    ],
    { stdio: 'inherit', env: process.env },
  ),
  spawn(process.execPath, ['node_modules/astro/bin/astro.mjs', 'preview', '--host', '127.0.0.1', '--port', '4321'], {
    stdio: 'inherit',
    env: process.env,
  }),
];

let stopping = false;
const stop = (code: number) => {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 5_000).unref();
};
for (const child of children) child.on('exit', (code) => stop(code ?? 0));
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));
console.log('Help center: http://127.0.0.1:4321  feedback endpoint: http://127.0.0.1:8787 (votes in data/feedback.db)');
