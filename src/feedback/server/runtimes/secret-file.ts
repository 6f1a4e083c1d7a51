/**
 * The Node server's visitor-hash secret when FEEDBACK_SECRET is unset: created on first start
 * (mode 0600) in the user's config folder, read on every later start. Never in the data folder:
 * one backup of that folder once held the database, its day salts and the secret beside it, and
 * with all three yesterday's addresses could be recovered by trying candidates.
 */
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { ErrorCodes, HelpCenterError } from '../../../lib/errors.ts';
import { randomHex } from '../privacy/crypto.ts';
import type { FeedbackEnv } from './config.ts';

/** $XDG_CONFIG_HOME/helpdesk-kit, else ~/.config/helpdesk-kit (the XDG base-directory default). */
export function getConfigDir(env: Record<string, string | undefined>): string {
  const base = env.XDG_CONFIG_HOME && path.isAbsolute(env.XDG_CONFIG_HOME) ? env.XDG_CONFIG_HOME : undefined;
  return path.join(base ?? path.join(env.HOME || homedir(), '.config'), 'helpdesk-kit');
}

/** FEEDBACK_SECRET_FILE, else `<configDir>/feedback-secret`; none for ":memory:" (a secret in memory is enough). */
export function getSecretFilePath(env: FeedbackEnv, configDir: string): string | undefined {
  if (env.FEEDBACK_SECRET_FILE) return env.FEEDBACK_SECRET_FILE;
  if (!env.FEEDBACK_STORE_URL && env.FEEDBACK_DB === ':memory:') return undefined;
  return path.join(configDir, 'feedback-secret');
}

/** Where versions up to 0.2 kept the secret by default (beside the database), to warn about a leftover file. */
export function getLegacySecretFilePath(env: FeedbackEnv): string | undefined {
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
    mkdirSync(path.dirname(path.resolve(file)), { recursive: true, mode: 0o700 });
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
