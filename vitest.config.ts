import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/global-setup.ts'],
    // Tests skipped for want of the Reuters corpus, Java or Chromium: one line per need at the end.
    reporters: ['default', './tests/helpers/skip-notices.ts'],
    // Whole-site builds and the HTML checker take seconds, not milliseconds.
    testTimeout: 180_000,
    hookTimeout: 300_000,
    pool: 'forks',
  },
});
