import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/global-setup.ts'],
    // Whole-site builds and the HTML checker take seconds, not milliseconds.
    testTimeout: 180_000,
    hookTimeout: 300_000,
    pool: 'forks',
  },
});
