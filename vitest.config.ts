import { defineConfig } from 'vitest/config';

/**
 * Two projects: `unit` (fast, pure modules and the feedback endpoint) and `site` (builds the
 * sample help center and small fixture sites once, then asserts on their dist/ output).
 * `npm test` runs both; `npx vitest run --project unit` runs the fast half.
 */
export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 300_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'scripts/**/*.test.ts', 'test/unit/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'site',
          include: ['test/site/**/*.test.ts'],
          globalSetup: ['test/site/global-setup.ts'],
        },
      },
    ],
  },
});
