// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import astro from 'eslint-plugin-astro';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import { defineConfig } from 'eslint/config';
import boundaries from 'eslint-plugin-boundaries';

/**
 * The one-way dependencies of ../shared/ARCHITECTURE.md, as layers: each may import its own and
 * the ones listed. `lib` <- `content` <- `route-data | search | build | tools`; the feedback
 * endpoint sees only `lib` and feedback's shared modules; browser code never imports server code.
 */
/** @type {Record<string, { pattern: string; may: string[] }>} */
const LAYERS = {
  lib: { pattern: 'src/lib/**', may: [] },
  i18n: { pattern: 'src/i18n/**', may: ['lib'] },
  content: { pattern: 'src/content/**', may: ['lib', 'i18n'] },
  site: { pattern: 'src/site/**', may: ['lib', 'i18n', 'content'] },
  search: { pattern: 'src/search/**', may: ['lib', 'i18n', 'content', 'site', 'feedback-shared'] },
  'route-data': { pattern: 'src/route-data/**', may: ['lib', 'i18n', 'content', 'site'] },
  // What assistants read (MCP's tools over the build's assistant data): served by the endpoint's
  // /mcp and by `helpdesk-kit mcp` over stdio, so it sits below both.
  assistant: { pattern: 'src/assistant/**', may: ['lib', 'search', 'feedback-shared'] },
  'feedback-server': { pattern: 'src/feedback/server/**', may: ['lib', 'feedback-shared', 'assistant'] },
  'feedback-widget': { pattern: 'src/feedback/widget/**', may: ['lib', 'i18n', 'feedback-shared'] },
  // The modules server, widget and report share (src/feedback/*.ts): after its two folders, as the first match wins.
  'feedback-shared': { pattern: 'src/feedback/**', may: ['lib', 'content'] },
  widget: { pattern: 'src/widget/**', may: ['lib', 'i18n', 'search', 'feedback-shared', 'feedback-widget'] },
  // The content check runs the linter's rules; the build writes the widget's files.
  build: {
    pattern: 'src/build/**',
    may: ['lib', 'i18n', 'content', 'site', 'search', 'feedback-shared', 'assistant', 'widget', 'tools'],
  },
  tools: {
    pattern: 'src/tools/**',
    may: ['lib', 'i18n', 'content', 'site', 'search', 'feedback-shared', 'feedback-server', 'assistant'],
  },
  cli: { pattern: 'src/cli/**', may: ['lib', 'content', 'site', 'tools', 'feedback-server', 'assistant'] },
  pages: {
    pattern: 'src/{routes,layouts,components}/**',
    may: ['lib', 'i18n', 'content', 'site', 'route-data', 'search', 'feedback-widget'],
  },
  // The integration wires everything together (and so do src/index.ts and src/collections.ts, the entry points).
  integration: { pattern: 'src/integration/**', may: ['*'] },
};

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
  {
    files: ['src/**/*.{ts,astro,mjs}'],
    // Tests reach across layers to set a scene; the package's entry points import every layer.
    ignores: ['**/*.test.ts', 'src/index.ts', 'src/collections.ts', 'src/component-types.ts', 'src/virtual.d.ts'],
    plugins: { boundaries },
    settings: {
      'boundaries/elements': Object.entries(LAYERS).map(([type, { pattern }]) => ({
        type,
        pattern,
        partialMatch: false,
      })),
      'boundaries/include': ['src/**/*'],
    },
    rules: {
      'boundaries/no-unknown-files': 'error',
      'boundaries/dependencies': [
        'error',
        {
          default: 'disallow',
          policies: Object.entries(LAYERS).map(([type, { may }]) => ({
            from: { element: { type } },
            allow: { to: { element: { types: { anyOf: may.includes('*') ? Object.keys(LAYERS) : [type, ...may] } } } },
          })),
        },
      ],
    },
  },
  prettier,
);
