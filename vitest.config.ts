import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Some tests check or score the whole sample tree with worker threads; CI machines have two cores.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
