/**
 * FEEDBACK_SECRET for `helpdesk-kit feedback serve` from the site's `.env`, the file `helpdesk-kit
 * init` writes it to: the endpoint run on a writer's machine and the deployed one then use the same
 * secret from the same place. Only that variable is taken from the file (the other settings stay
 * in the environment, where the docs put them), and an explicit FEEDBACK_SECRET or
 * FEEDBACK_SECRET_FILE in the environment wins. Node's own parser reads the file: no dependency.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseEnv } from 'node:util';
import { ErrorCodes, HelpCenterError } from '../../../lib/errors.ts';

/** The file `helpdesk-kit init` writes the secret to, in the site's folder. */
export const ENV_FILE = '.env';

/**
 * FEEDBACK_SECRET from `<dir>/.env`, or undefined when the environment already says where the
 * secret is, or the file is missing or has no (or an empty) FEEDBACK_SECRET.
 * @throws HelpCenterError naming the file when it exists but cannot be read
 */
export function readSecretFromEnvFile(
  env: Record<string, string | undefined>,
  dir: string,
): { secret: string; file: string } | undefined {
  if (env.FEEDBACK_SECRET || env.FEEDBACK_SECRET_FILE) return undefined;
  const file = path.join(dir, ENV_FILE);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EISDIR') return undefined;
    throw new HelpCenterError(
      ErrorCodes.InvalidFeedbackConfig,
      `${file} cannot be read (${(err as Error).message}); fix its permissions, or set FEEDBACK_SECRET in the environment`,
    );
  }
  const secret = parseEnv(text).FEEDBACK_SECRET;
  return secret ? { secret, file } : undefined;
}
