import { defineConfig } from 'vitest/config';

/**
 * `npm run test:package`: packs the package, scaffolds a site with `helpdesk-kit init` outside the
 * repository, installs the tarball there and builds, searches, lints and reports on it. Slow (a
 * real npm install, a native module compiled from source), so it is not part of `npm test`.
 */
export default defineConfig({
  test: {
    include: ['test/package/**/*.test.ts'],
    testTimeout: 600_000,
    hookTimeout: 900_000,
    fileParallelism: false,
  },
});
