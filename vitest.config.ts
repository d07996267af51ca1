import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    pool: 'forks',
    // Every core: vitest's default leaves one free, which on a 2-core machine runs the files one
    // at a time (CI took 29 minutes instead of 17). Many tests wait on child processes and disks.
    maxWorkers: availableParallelism(),
    // Goldens are never written by a plain `npm test`: a missing or changed golden fails, as in
    // CI. `npm run test:update` (vitest --update) writes them on purpose.
    update: 'none',
  },
});
