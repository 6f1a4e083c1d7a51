/**
 * The one door between the integration and the code Astro loads in its own module graphs (the
 * content config with our loaders, the pages): both import this file, the loaders and pages as
 * `virtual:helpdesk-kit/build-session` (vite-plugin.ts). Astro evaluates its graphs apart from
 * the integration's, so each gets its own copy of this module; the copies meet on globalThis,
 * here and nowhere else in the package's server code.
 *
 * At most one session is open in a process: opening one closes what an earlier command left (a
 * failed `astro build` runs no hook of ours, so its session may still be open).
 */
import type { BuildSession } from '../build/build-session.ts';

const KEY = Symbol.for('helpdesk-kit.build-session');
const door = globalThis as typeof globalThis & { [KEY]?: BuildSession };

/** The session of the `astro build` or `astro dev` running in this process, if any. */
export function getBuildSession(): BuildSession | undefined {
  return door[KEY];
}

/** Closes the session still open (an earlier command's), then opens `session`. */
export async function openBuildSession(session: BuildSession): Promise<void> {
  await closeOpenBuildSession();
  door[KEY] = session;
}

/** Takes `session` off the door, if it is the open one, and closes it; another open session is left alone. */
export async function closeBuildSession(session: BuildSession | undefined): Promise<void> {
  if (!session) return;
  if (door[KEY] === session) door[KEY] = undefined;
  await session.close();
}

/** Closes whichever session is open: a new command starts from nothing. */
export async function closeOpenBuildSession(): Promise<void> {
  await closeBuildSession(door[KEY]);
}
