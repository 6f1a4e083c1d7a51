import { defineConfig } from 'vitest/config';

/**
 * Browser tests (`npm run test:e2e`): the global setup builds the sample site, serves it on
 * 127.0.0.1 and starts the feedback endpoint; each file drives the system Chromium with
 * playwright-core. Files run one at a time: the machine is small and each file has its own browser.
 */
export default defineConfig({
  test: {
    name: 'e2e',
    include: ['test/e2e/**/*.test.ts'],
    globalSetup: ['test/e2e/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 30_000,
    hookTimeout: 300_000,
  },
});
