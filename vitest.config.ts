import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    pool: 'forks',
    // Goldens are never written by a plain `npm test`: a missing or changed golden fails, as in
    // CI. `npm run test:update` (vitest --update) writes them on purpose.
    update: 'none',
  },
});
