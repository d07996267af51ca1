/**
 * The import's YAML writer: what it writes reads back as the data it was written from (`yaml`
 * parses it to the same values), for texts `yaml`'s own choices would change.
 */
import fc from 'fast-check';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { yamlText } from '../../src/import/write-yaml.js';
import { yamlKey, yamlValue } from '../catalog/yaml-samples.js';

const RUNS = Number(process.env['FUZZ_RUNS'] ?? 500);

/** Read back as the loader reads: merge keys on. */
const readBack = (data: unknown): unknown => parse(yamlText(data, 'comment').text, { merge: true });

describe("the import's YAML writer", () => {
  it('keeps a line of only spaces, which a block scalar would drop', () => {
    const data = { events: [{ key: 'a', description: 'First.\n  \nSecond.', example: ' \n' }] };
    expect(readBack(data)).toEqual(data);
  });

  it('writes a key named `<<` so that it reads back as a name, not as a merge', () => {
    const data = { schemas: { A: { type: 'object', properties: { '<<': { type: 'string' }, b: { type: 'integer' } } } } };
    expect(readBack(data)).toEqual(data);
  });

  it('writes a text of several lines in a short list so that it reads back, not as a key', () => {
    const data = { schemas: { a: [[{ b: [':\na'] }]], c: { enum: [':\nb', 'x'] } } };
    expect(readBack(data)).toEqual(data);
  });

  it('writes tricky data so that it reads back the same', () => {
    fc.assert(
      fc.property(fc.dictionary(yamlKey, yamlValue, { minKeys: 1, maxKeys: 5 }), (data) => {
        // -0 reads back as 0 through JSON-like data; the loader never takes it (see written-file.ts).
        const json = JSON.parse(JSON.stringify(data)) as unknown;
        expect(readBack(json)).toEqual(json);
      }),
      { numRuns: RUNS },
    );
  });
});
