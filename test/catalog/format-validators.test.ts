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
