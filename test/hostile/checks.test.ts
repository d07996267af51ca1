/**
 * The output checks of the hostile corpus, checked themselves: each one passes on real output
 * and fails on output broken the way a missing escape would break it. A check that cannot
 * fail would prove nothing.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCatalogText, type CatalogText } from './support/catalog-text.js';
import { checkProperties, PROPERTIES, type Outputs, type Property } from './support/output-checks.js';
import { generateProject, makeProject, removeProject, type Project } from './support/project.js';
import { encodingProblems, textsOf } from './support/tree.js';

const ROOT = path.resolve('test/fixtures/hostile');

interface Generated {
  readonly project: Project;
  readonly catalog: CatalogText;
  readonly outputs: Map<string, string>;
}

const generated = new Map<string, Generated>();

beforeAll(async () => {
  for (const name of ['hostile-event-texts', 'unicode-astral-nfd']) {
    const project = await makeProject(path.join(ROOT, name));
    const { result, tree } = await generateProject(project);
    expect(result.ok).toBe(true);
    generated.set(name, { project, catalog: await readCatalogText(project.catalogDir), outputs: textsOf(tree) });
  }
});

afterAll(async () => {
  await Promise.all([...generated.values()].map((g) => removeProject(g.project)));
});

/** The outputs with one file changed by `edit`, which must change something. */
function broken(outputs: Outputs, file: string, edit: (text: string) => string): Map<string, string> {
  const text = outputs.get(file);
  if (text === undefined) throw new Error(`no output ${file}`);
  const changed = edit(text);
  if (changed === text) throw new Error(`the edit of ${file} changed nothing`);
  return new Map([...outputs, [file, changed]]);
}

async function failing(catalog: CatalogText, outputs: Outputs, property: Property): Promise<string[]> {
  return (await checkProperties(catalog, outputs, [property]))[property] ?? [];
}

describe('hostile output checks', () => {
  it('all hold on real output of a hostile catalog', async () => {
    const { catalog, outputs } = generated.get('hostile-event-texts')!;
    expect(
      await checkProperties(
        catalog,
        outputs,
        PROPERTIES.filter((p) => p !== 'unicode-exact'),
      ),
    ).toEqual({});
    const unicode = generated.get('unicode-astral-nfd')!;
    expect(await checkProperties(unicode.catalog, unicode.outputs, ['unicode-exact'])).toEqual({});
  });

  it('ts-compiles fails on a type error', async () => {
    const { catalog, outputs } = generated.get('hostile-event-texts')!;
    const bad = broken(outputs, 'hostile/types.ts', (t) => `${t}export const wrong: number = 'text';\n`);
    expect(await failing(catalog, bad, 'ts-compiles')).toEqual([expect.stringContaining('TS2322')]);
  });

  it('ts-means fails when comment text becomes code, a doc tag, or an enum value is lost', async () => {
    const { catalog, outputs } = generated.get('hostile-event-texts')!;
    const code = broken(outputs, 'hostile/types.ts', (t) => t.replace('*\\/ export const pwned = 1; /*', '*/ export const pwned = 1; /*'));
    expect(await failing(catalog, code, 'ts-means')).toEqual(expect.arrayContaining([expect.stringContaining('identifier pwned')]));
    const tag = broken(outputs, 'hostile/types.ts', (t) => t.replace('\\@pwned', '@pwned'));
    expect(await failing(catalog, tag, 'ts-means')).toEqual(expect.arrayContaining([expect.stringContaining('@pwned')]));
    const key = broken(outputs, 'hostile/types.ts', (t) => t.replaceAll("'note.text1'", "'note.text1 '"));
    expect(await failing(catalog, key, 'ts-means')).toEqual([expect.stringContaining('event key "note.text1"')]);
  });

  it('json-roundtrip fails when a string changes or a file does not parse', async () => {
    const { catalog, outputs } = generated.get('hostile-event-texts')!;
    const lost = broken(outputs, 'hostile/openapi.json', (t) => t.replaceAll('\\u0000', ''));
    expect(await failing(catalog, lost, 'json-roundtrip')).not.toEqual([]);
    const unparsable = broken(outputs, 'hostile/schemas/bundle.schema.json', (t) => t.replace('{', '{,'));
    expect(await failing(catalog, unparsable, 'json-roundtrip')).toEqual(expect.arrayContaining([expect.stringContaining('bundle.schema.json')]));
  });

  it('yaml-roundtrip fails when the YAML reads differently from the JSON', async () => {
    const { catalog, outputs } = generated.get('hostile-event-texts')!;
    const bad = broken(outputs, 'hostile/openapi.yaml', (t) => t.replace(/openapi: "?3\.1\.0"?/, 'openapi: 3.1'));
    expect(await failing(catalog, bad, 'yaml-roundtrip')).not.toEqual([]);
  });

  it('schemas-compile fails on an invalid schema and on an example its schema rejects', async () => {
    const { catalog, outputs } = generated.get('hostile-event-texts')!;
    const file = 'hostile/schemas/payloads/note.text1.schema.json';
    const invalid = broken(outputs, file, (t) => t.replace('"type": "object"', '"type": "objekt"'));
    expect(await failing(catalog, invalid, 'schemas-compile')).not.toEqual([]);
    const strict = broken(outputs, file, (t) => t.replace('"type": "string"', '"type": "string", "maxLength": 1'));
    expect(await failing(catalog, strict, 'schemas-compile')).toEqual([expect.stringContaining('note.text1 example 1')]);
  });

  it('openapi-valid fails on a document the validator rejects', async () => {
    const { catalog, outputs } = generated.get('hostile-event-texts')!;
    const bad = broken(outputs, 'hostile/openapi.json', (t) => t.replace('"openapi": "3.1.0"', '"openapi": "3.1.0", "swagger": 2'));
    expect(await failing(catalog, bad, 'openapi-valid')).not.toEqual([]);
  });

  it('markdown-tables-intact fails when a | splits a row', async () => {
    const { catalog, outputs } = generated.get('hostile-event-texts')!;
    const bad = broken(outputs, 'hostile/en/events.md', (t) => t.replace('\\| cell \\| split \\| pwned \\|', '| cell | split | pwned |'));
    expect(await failing(catalog, bad, 'markdown-tables-intact')).toEqual(expect.arrayContaining([expect.stringContaining('cells, the header')]));
  });

  it('no-raw-html fails when a tag from the catalog reaches the page as HTML', async () => {
    const { catalog, outputs } = generated.get('hostile-event-texts')!;
    const bad = broken(outputs, 'hostile/en/events/note.text7.md', (t) => `${t}\n<script>alert('pwned')</script>\n`);
    expect(await failing(catalog, bad, 'no-raw-html')).toEqual([expect.stringContaining('(from the catalog)')]);
  });

  it('unicode-exact fails when text is normalized to NFC', async () => {
    const { catalog, outputs } = generated.get('unicode-astral-nfd')!;
    const bad = broken(outputs, 'hostile/openapi.json', (t) => t.normalize('NFC'));
    expect(await failing(catalog, bad, 'unicode-exact')).toEqual(expect.arrayContaining([expect.stringContaining('cafe\u0301')]));
  });

  it('the encoding check finds CRLF, a BOM and invalid UTF-8', () => {
    expect(encodingProblems('a', Buffer.from('x\r\n'))).toEqual([expect.stringContaining('carriage return')]);
    expect(encodingProblems('a', Buffer.from('\uFEFFx\n'))).toEqual([expect.stringContaining('byte order mark')]);
    expect(encodingProblems('a', Buffer.from([0x78, 0xe9, 0x0a]))).toEqual([expect.stringContaining('not valid UTF-8')]);
    expect(encodingProblems('a', Buffer.from('x\n'))).toEqual([]);
  });
});
