import { defineConfig } from 'vitest/config';
import SummaryReporter from './test/summary-reporter.ts';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    reporters: ['default', new SummaryReporter()],
    // Some tests check or score the whole sample tree with worker threads; CI machines have two cores.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
