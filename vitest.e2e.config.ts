import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

/** End-to-end tests drive real browsers with the built extension: one file at a time, generous timeouts. */
export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('.', import.meta.url)) } },
  test: {
    environment: 'node',
    include: ['test/e2e/**/*.test.ts', 'test/**/*.e2e.test.ts', 'test/**/*.browser.test.ts'],
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 90_000,
    retry: 0,
  },
});
