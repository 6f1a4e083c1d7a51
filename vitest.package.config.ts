import { defineConfig } from 'vitest/config';

/**
 * `npm run test:package`: packs both packages, writes a site with the packed create-helpdesk-kit
 * outside the repository, installs the packed helpdesk-kit there and builds, searches, lints and
 * reports on it; makes the same site with `npx helpdesk-kit init` and compares the two ways. Slow
 * (three real npm installs, two from an empty cache), so it is not part of `npm test`.
 */
export default defineConfig({
  test: {
    include: ['test/package/**/*.test.ts'],
    testTimeout: 600_000,
    hookTimeout: 900_000,
    fileParallelism: false,
  },
});
