import { defineConfig } from 'vitest/config';

// Business dates must not depend on the host: tests run in a time zone far from Việt Nam's.
process.env.TZ = 'America/Los_Angeles';
process.env.NODE_ENV = 'test';

export default defineConfig({
  test: {
    include: ['apps/*/src/**/*.test.ts', 'apps/*/test/**/*.test.ts', 'packages/*/src/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Each integration file boots its own database; two at a time suits the 2-core machines.
    maxWorkers: 2,
    setupFiles: ['apps/api/test/setup.ts'],
  },
});
