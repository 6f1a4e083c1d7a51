/** The sample content in content/ must lint without errors: it is what new users see first. */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../content/diagnostics.ts';
import { lintContent } from './lint-content.ts';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

describe.runIf(existsSync(`${ROOT}/content/site.yaml`))('the sample content', () => {
  it('lints without errors', async () => {
    const result = await lintContent({ root: ROOT });
    expect(result.findings.filter((f) => f.severity === 'error').map(formatDiagnostic)).toEqual([]);
  });
});
