import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/** The compiled store module (npm test compiles dist/ first), as `helpdesk-kit feedback serve` loads it. */
const store = fileURLToPath(new URL('../../../../dist/feedback/server/stores/sqlite.js', import.meta.url));

/** Runs `script` as an ES module in a new Node process (the Node running the tests) and returns its stderr. */
function stderrOf(script: string): string {
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  expect(result.status, result.stderr).toBe(0);
  return result.stderr;
}

describe('loading node:sqlite for the SQLite store', () => {
  it('prints no warning, on Node 22 (which calls SQLite experimental) as on Node 24', () => {
    const script = `const { createSqliteStore } = await import(${JSON.stringify(store)});
      const s = await createSqliteStore({ file: ':memory:' });
      await s.close();`;
    expect(stderrOf(script)).toBe('');
  });

  it('holds back only that warning: other warnings, even experimental ones, are printed', () => {
    const script = `await import(${JSON.stringify(store)});
      process.emitWarning('Another feature is experimental', 'ExperimentalWarning');
      await new Promise((resolve) => setImmediate(resolve));`;
    expect(stderrOf(script)).toContain('ExperimentalWarning: Another feature is experimental');
  });
});
