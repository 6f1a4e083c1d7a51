import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * Three projects: `unit` (fast, pure modules and the feedback endpoint), `workerd` (the D1 store
 * and the Cloudflare entry in the real Workers runtime, through miniflare; `*.workerd.test.ts`)
 * and `site` (builds the sample help center and small fixture sites once, then asserts on their
 * dist/ output). `npm test` runs all three; `npx vitest run --project unit` runs the fast part.
 */
export default defineConfig({
  // The integration's Vite plugin serves this to Astro's module graph; unit tests of the loaders
  // import it the same way, and the tests that open a session import the file itself.
  resolve: {
    alias: {
      'virtual:helpdesk-kit/build-session': fileURLToPath(
        new URL('./src/integration/build-session-door.ts', import.meta.url),
      ),
    },
  },
  test: {
    testTimeout: 30_000,
    hookTimeout: 300_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'scripts/**/*.test.ts', 'test/unit/**/*.test.ts'],
          exclude: ['**/*.workerd.test.ts', '**/node_modules/**'],
        },
      },
      {
        extends: true,
        test: {
          name: 'workerd',
          include: ['src/**/*.workerd.test.ts', 'test/workerd/**/*.test.ts'],
          // Each file starts its own workerd process; one at a time keeps the two cores for them.
          fileParallelism: false,
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
