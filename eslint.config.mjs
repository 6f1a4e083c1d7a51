// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import astro from 'eslint-plugin-astro';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import { defineConfig } from 'eslint/config';

export default defineConfig(
  {
    ignores: [
      'dist/',
      'dist-site/',
      'node_modules/',
      '.astro/',
      '.cache/',
      'bench-results/',
      'test/fixtures/**/dist/',
      // Other projects' documentation sources, kept as they published them (PROVENANCE.md).
      'test/fixtures/realworld/',
      '.pack/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // `_`-prefixed names mark parameters a signature needs but a body does not use.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // These implement a Promise-returning interface (FeedbackStore, the async hashing API every
    // runtime shares) over synchronous code (node:sqlite, node:crypto). `async` without `await`
    // is deliberate: a throw becomes a rejection, as callers of the interface expect.
    files: ['src/feedback/server/stores/sqlite.ts', 'src/feedback/server/privacy/crypto.ts'],
    rules: { '@typescript-eslint/require-await': 'off' },
  },
  {
    // Sanitizers of the feedback endpoint and the linter's invisible-character table match control
    // characters on purpose; where a `\p{Cc}` class could not say the same, the rule is off.
    files: [
      'src/feedback/server/schema.ts',
      'src/tools/lint/unicode.ts',
      'src/feedback/server/search-schema-fuzz.test.ts',
    ],
    rules: { 'no-control-regex': 'off' },
  },
  {
    // Tests: doubles stand in for async interfaces (fetch, stores, renderers) with canned answers,
    // so they are async without awaiting; and tests read JSON answers (`any` from `res.json()`)
    // and check them with expect(), which is the check: a type assertion would claim what the test
    // is there to find out.
    files: ['**/*.test.ts', 'test/**/*.ts'],
    rules: {
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    // Plain JavaScript (configs, the package build script, the worker boot file) is not in the
    // TypeScript project: lint it without type information.
    files: ['**/*.mjs', '**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
  ...astro.configs.recommended,
  {
    files: ['**/*.astro'],
    // Type-aware rules need a TypeScript program per .astro file, which the Astro parser does not
    // provide; `astro check` type-checks these files instead.
    ...tseslint.configs.disableTypeChecked,
  },
  prettier,
);
