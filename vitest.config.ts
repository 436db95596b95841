import { defineConfig } from 'vitest/config';

// One run covers unit, store/bus contract, integration and browser suites. Two cores here:
// files run in two forked workers so a slow browser suite does not starve the rest.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: ['node_modules/**', 'dist/**'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // A browser or a child process under the full suite's load can take a few seconds to show what a test
    // waits for; polls still end as soon as it shows.
    expect: { poll: { timeout: 5_000 } },
    env: { TZ: 'UTC' },
    reporters: process.env.CI
      ? ['default', ['json', { outputFile: 'test-results/vitest.json' }]]
      : ['default'],
  },
});
