import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import preact from '@preact/preset-vite';

export default defineConfig({
  plugins: [WxtVitest(), preact()],
  test: {
    environment: 'happy-dom',
    include: ['test/**/*.test.{ts,tsx}', 'lib/**/*.test.{ts,tsx}'],
    // Tests that drive a real browser run with the end-to-end suite (vitest.e2e.config.ts).
    exclude: ['test/e2e/**', '**/*.e2e.test.ts', '**/*.browser.test.ts', 'node_modules/**'],
    testTimeout: 20_000,
  },
});
