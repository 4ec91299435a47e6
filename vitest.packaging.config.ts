import { defineConfig } from 'vitest/config';

// The packaging test runs on its own (npm run test:package), after the unit tests: it rebuilds dist/, which the
// main-process harness also builds, so the two never run side by side.
export default defineConfig({
  test: {
    include: ['tests/packaging/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 60_000,
  },
});
