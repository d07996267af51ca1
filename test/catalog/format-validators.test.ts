/** The catalog format's validators in src/catalog/format/ are ajv's standalone code for today's schema.json, with the options the check reads errors by. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FORMAT_FOLDER, FORMAT_VALIDATORS, formatValidatorModule } from '../support/format-validators.js';

describe('the catalog format validators', () => {
  it.each(FORMAT_VALIDATORS)('$file is what `npm run build:format-validators` writes today', ({ file, allErrors }) => {
    const committed = readFileSync(FORMAT_FOLDER + file, 'utf8');
    expect(committed === formatValidatorModule(allErrors), `src/catalog/format/${file} is stale: run npm run build:format-validators`).toBe(true);
  });
});

// ajv compared the items of a uniqueItems list pairwise (objects, or items through a $ref):
// 30,000 locales took 7 s of the format check, and a catalog file may hold 8 MiB of them.
describe('uniqueItems in the catalog format validators', () => {
  it.each(FORMAT_VALIDATORS)('$file reads each item of a long list a few times, not once per other item', async ({ file }) => {
    const { validate } = (await import(`../../src/catalog/format/${file.replace(/\.ts$/, '.js')}`)) as { validate: (data: unknown) => boolean };
    let reads = 0;
    const operation = (i: number): object =>
      Object.defineProperty({ summary: `operation ${i}` }, 'name', {
        enumerable: true,
        get: () => {
          reads += 1;
          return 'list';
        },
      });
    const subscriptions = (operations: object[]) => ({ subscriptions: { path: '/hooks', title: 'T', description: 'D', operations } });
    expect(validate(subscriptions(Array.from({ length: 2_000 }, (_, i) => operation(i))))).toBe(true);
    expect(reads).toBeLessThanOrEqual(10 * 2_000);
    expect(validate(subscriptions([operation(1), operation(2), operation(1)]))).toBe(false);
  });
});
