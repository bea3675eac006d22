import { defineConfig } from 'vitest/config';

/** End-to-end tests drive real browsers with the built extension: one file at a time, generous timeouts. */
export default defineConfig({
  test: {
    environment: 'node',
    include: ['test/e2e/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 90_000,
    retry: 0,
  },
});
