/**
 * The Node server's visitor-hash secret when FEEDBACK_SECRET is unset: created on first start in
 * a file beside the database (mode 0600), read on every later start. It is never in the database
 * file, so a copy of the database alone cannot be brute-forced back to client addresses.
 */
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ErrorCodes, HelpCenterError } from '../../../lib/errors.ts';
import { randomHex } from '../privacy/crypto.ts';
import type { FeedbackEnv } from './config.ts';

/** FEEDBACK_SECRET_FILE, else `<FEEDBACK_DB>.secret` (SQLite) or `data/feedback.secret` (Postgres); none for ":memory:". */
export function getSecretFilePath(env: FeedbackEnv): string | undefined {
  if (env.FEEDBACK_SECRET_FILE) return env.FEEDBACK_SECRET_FILE;
  if (env.FEEDBACK_STORE_URL) return 'data/feedback.secret';
  return env.FEEDBACK_DB === ':memory:' ? undefined : `${env.FEEDBACK_DB}.secret`;
}

/** Read the secret, or create it (32 random bytes as hex, mode 0600) when the file does not exist. */
export function loadOrCreateSecret(file: string): { secret: string; created: boolean } {
  const fail = (problem: string): never => {
    throw new HelpCenterError(
      ErrorCodes.InvalidFeedbackConfig,
      `the feedback secret file ${file} ${problem}; set FEEDBACK_SECRET, or fix or remove the file (a new one is created on start)`,
    );
  };
  let created = false;
  try {
    mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    // "wx": never overwrite, so two servers starting at once agree on the first one's secret.
    writeFileSync(file, `${randomHex(32)}\n`, { mode: 0o600, flag: 'wx' });
    created = true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') fail(`cannot be created: ${(err as Error).message}`);
  }
  if ((statSync(file).mode & 0o077) !== 0) fail('can be read by other users (run: chmod 600 on it)');
  const secret = readFileSync(file, 'utf8').trim();
  if (secret.length < 16) fail('holds fewer than 16 characters');
  return { secret, created };
}
