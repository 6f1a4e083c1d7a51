/**
 * Node's built-in SQLite (`node:sqlite`), loaded without the one line Node 22 prints on stderr
 * when it loads it ("ExperimentalWarning: SQLite is an experimental feature"); Node 24 prints
 * nothing. Only that warning is held back, and only while the module loads: every other warning,
 * then and later, reaches the process as before.
 */
import { createRequire } from 'node:module';
import type * as NodeSqlite from 'node:sqlite';

const SQLITE_WARNING = 'SQLite is an experimental feature';

function loadNodeSqlite(): typeof NodeSqlite {
  // Read and put back as a plain value: the same function object, so nothing else sees a change.
  const emitWarning: unknown = Reflect.get(process, 'emitWarning');
  process.emitWarning = (warning: string | Error, ...rest: unknown[]) => {
    const message = typeof warning === 'string' ? warning : warning.message;
    const type = typeof rest[0] === 'string' ? rest[0] : (rest[0] as { type?: unknown } | undefined)?.type;
    if (type === 'ExperimentalWarning' && message.startsWith(SQLITE_WARNING)) return;
    Reflect.apply(emitWarning as (...args: unknown[]) => void, process, [warning, ...rest]);
  };
  try {
    return createRequire(import.meta.url)('node:sqlite') as typeof NodeSqlite;
  } finally {
    Reflect.set(process, 'emitWarning', emitWarning);
  }
}

export const { DatabaseSync } = loadNodeSqlite();
export type { DatabaseSync as Database, SQLInputValue, StatementSync } from 'node:sqlite';
