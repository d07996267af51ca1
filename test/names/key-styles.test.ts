/**
 * Keys and shared schema names in the styles real providers write them (camelCase, upper case,
 * `/`, `:`, `-` and `_` names), each a fixture catalog under test/fixtures/keys/ with goldens
 * beside it: every output is generated, the files are named by the one file-name mapping, the types
 * by the one naming rule, and independent tools accept them: tsc (strict), a default ajv, two
 * OpenAPI validators, and remark, through which every link of every page leads to a page written.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import SwaggerParser from '@apidevtools/swagger-parser';
import { Validator } from '@seriousme/openapi-schema-validator';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { Link } from 'mdast';
import { beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../src/generate.js';
import { loadCatalog } from '../../src/load.js';
import { keyFileName } from '../../src/names/file-names.js';
import { allNodes, parseMarkdown } from '../emit/markdown/mdast.js';
import { formatDiagnostics, typeCheckModule } from '../emit/typescript/compile.js';
import { SCRATCH, scratchFolder } from '../support/scratch.js';

const addFormats = addFormatsModule.default;
const KEYS = path.resolve('test/fixtures/keys');
const CASES = readdirSync(KEYS).sort();

// biome-ignore lint/suspicious/noExplicitAny: parsed documents are walked freely in assertions
type Json = any;

const root = scratchFolder('keys-');

/** Every file under `folder`, relative to it, with `/` separators, sorted. */
function filesUnder(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(folder, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}

describe.each(CASES)('key style case %s', (name) => {
  const catalogFolder = path.join(KEYS, name, 'catalog');
  let out: string;
  let id: string;
  let keys: string[];
  const read = (file: string): string => readFileSync(path.join(out, id, file), 'utf8');

  beforeAll(async () => {
    out = path.join(root(), name);
    const result = await generate({ catalogs: catalogFolder, out, projectRoot: SCRATCH });
    expect(result.diagnostics).toEqual([]);
    expect(result.ok).toBe(true);
    id = result.catalogs[0]!.id;
    keys = result.catalogs[0]!.events.map((event) => event.key);
  });

  it('validates without warnings', async () => {
    expect((await loadCatalog(catalogFolder)).diagnostics).toEqual([]);
  });

  it('matches its goldens: the types, the OpenAPI document and the list of files', async () => {
    for (const file of ['types.ts', 'openapi.yaml']) await expect(read(file)).toMatchFileSnapshot(path.join(KEYS, name, 'expected', file));
    await expect(`${filesUnder(path.join(out, id)).join('\n')}\n`).toMatchFileSnapshot(path.join(KEYS, name, 'expected', 'files.txt'));
  });

  it('names every file of an event by the one file-name mapping', () => {
    const files = filesUnder(path.join(out, id));
    for (const key of keys) {
      const file = keyFileName(key);
      expect(file).not.toMatch(/[/:]/);
      expect(files).toEqual(expect.arrayContaining([`schemas/payloads/${file}.schema.json`, `schemas/events/${file}.schema.json`, `en/events/${file}.md`]));
    }
  });

  it('has types that compile under strict options', () => {
    expect(formatDiagnostics(typeCheckModule(read('types.ts'), `/virtual/${name}/types.ts`))).toEqual([]);
  });

  it('has schema files a default ajv compiles, each example valid against its payload schema', async () => {
    const ajv = new Ajv2020();
    addFormats(ajv);
    const schemas = filesUnder(path.join(out, id, 'schemas')).filter((file) => file.endsWith('.schema.json') && file !== 'bundle.schema.json');
    for (const file of schemas) ajv.addSchema(JSON.parse(read(`schemas/${file}`)) as Json);
    for (const file of schemas) expect(ajv.getSchema((JSON.parse(read(`schemas/${file}`)) as Json).$id), file).toBeTypeOf('function');
    const { catalog } = await loadCatalog(catalogFolder);
    let examples = 0;
    for (const event of catalog!.events) {
      const validate = ajv.getSchema((JSON.parse(read(`schemas/payloads/${keyFileName(event.key)}.schema.json`)) as Json).$id)!;
      for (const example of event.examples) {
        expect(validate(example.payload), `${event.key}: ${JSON.stringify(validate.errors)}`).toBe(true);
        examples += 1;
      }
    }
    expect(examples).toBeGreaterThan(0);
  });

  it('has an OpenAPI document both validators accept', async () => {
    const document = JSON.parse(read('openapi.json')) as Json;
    await SwaggerParser.validate(structuredClone(document));
    const validation = await new Validator().validate(structuredClone(document));
    expect(validation.errors ?? []).toEqual([]);
  });

  it('has pages whose every relative link leads to a page written', () => {
    const pages = filesUnder(path.join(out, id)).filter((file) => file.endsWith('.md'));
    expect(pages.length).toBeGreaterThan(keys.length);
    let links = 0;
    for (const page of pages) {
      for (const node of allNodes(parseMarkdown(read(page)))) {
        if (node.type !== 'link' || /^[a-z]+:/.test((node as Link).url)) continue;
        const target = path.posix.normalize(path.posix.join(path.posix.dirname(page), (node as Link).url));
        expect(pages, `${page} links ${(node as Link).url}`).toContain(target);
        links += 1;
      }
    }
    expect(links).toBeGreaterThan(keys.length);
  });
});
