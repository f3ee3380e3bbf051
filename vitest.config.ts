import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // the suites skipped for want of system packages, named with the command that installs them, last
    globalSetup: ['test/helpers/skipped-summary.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
