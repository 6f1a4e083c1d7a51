/**
 * Structured logs, one JSON object per line. Callers never pass addresses, user agents or
 * comment text: only events, counts, codes and error details.
 */

export type LogFields = Record<string, string | number | boolean | null | undefined>;

export interface FeedbackLogger {
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
}

/** Write JSON lines through `write` (e.g. to stderr). */
export function createJsonLogger(write: (line: string) => void, clock: () => number = Date.now): FeedbackLogger {
  const log =
    (level: string) =>
    (event: string, fields: LogFields = {}) =>
      write(`${JSON.stringify({ time: new Date(clock()).toISOString(), level, event, ...fields })}\n`);
  return { info: log('info'), warn: log('warn'), error: log('error') };
}

/** A logger that keeps lines in memory, for tests. */
export function createMemoryLogger(): FeedbackLogger & { lines: Array<{ level: string; event: string } & LogFields> } {
  const lines: Array<{ level: string; event: string } & LogFields> = [];
  const log =
    (level: string) =>
    (event: string, fields: LogFields = {}) =>
      void lines.push({ level, event, ...fields });
  return { lines, info: log('info'), warn: log('warn'), error: log('error') };
}

export const silentLogger: FeedbackLogger = { info() {}, warn() {}, error() {} };
