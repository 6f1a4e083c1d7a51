import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ErrorCodes } from './errors.ts';

const SRC = fileURLToPath(new URL('..', import.meta.url));
const DOCS = fileURLToPath(new URL('../../docs/errors.md', import.meta.url));

/** The source files of the product, without tests and without the catalogue itself. */
function readSources(): string {
  return readdirSync(SRC, { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.(ts|astro)$/.test(file) && !file.includes('.test.') && file !== path.join('lib', 'errors.ts'))
    .map((file) => readFileSync(path.join(SRC, file), 'utf8'))
    .join('\n');
}

describe('the error catalogue', () => {
  const codes = Object.values(ErrorCodes);

  it('has no code the product never raises', () => {
    const sources = readSources();
    expect(codes.filter((code) => !sources.includes(`ErrorCodes.${code}`))).toEqual([]);
  });

  it('documents every code in docs/errors.md', () => {
    const docs = readFileSync(DOCS, 'utf8');
    expect(codes.filter((code) => !new RegExp(`^\\| \`${code}\` \\|`, 'm').test(docs))).toEqual([]);
  });

  it('spells each code as its own key', () => {
    for (const [key, code] of Object.entries(ErrorCodes)) expect(code).toBe(key);
  });
});
