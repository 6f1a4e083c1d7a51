/**
 * Where the Node, Netlify and Vercel endpoints find the site's pages for `/mcp`: the file
 * FEEDBACK_ASSISTANT_DATA names, else `assistant-data.json` beside a manifest file (the build writes
 * both to dist/). Read from disk once, never fetched: with a manifest URL and no file, /mcp is off.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ASSISTANT_DATA_FILE, parseAssistantData, type AssistantData } from '../../../assistant/assistant-data.ts';
import type { FeedbackEnv } from './config.ts';
import { isHttpUrl } from './create-runtime-app.ts';

/** The data, or undefined when /mcp is off (FEEDBACK_ASSISTANT_DATA=off, or no file beside a manifest URL). */
export function loadAssistantDataFile(env: FeedbackEnv): AssistantData | undefined {
  const setting = env.FEEDBACK_ASSISTANT_DATA;
  if (setting === 'off') return undefined;
  const file =
    setting ??
    (isHttpUrl(env.FEEDBACK_MANIFEST)
      ? undefined
      : path.join(path.dirname(env.FEEDBACK_MANIFEST), ASSISTANT_DATA_FILE));
  if (!file) return undefined;
  // Named: it must be there. Implied by the manifest's folder: an older build without it turns /mcp off.
  if (!setting && !existsSync(file)) return undefined;
  return parseAssistantData(readFileSync(file, 'utf8'), file);
}
