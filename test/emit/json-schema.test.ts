import { readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { emitJsonSchemas, jsonSchemaEmitter, TRANSLATIONS_FILE } from '../../src/emit/json-schema.js';
import { deliveryBody } from '../../src/emit/delivery-example.js';
import { TRANSLATIONS_KEYWORD, textIn } from '../../src/model/query.js';
import type { Catalog } from '../../src/model/types.js';
import { strictAjv } from './json-schema-ajv.js';
import { HOSTILE, REPO, RICH_FIXTURE, allTestCatalogs, loadOrFail } from './json-schema-catalogs.js';

const addFormats = addFormatsModule.default;

// biome-ignore lint/suspicious/noExplicitAny: schemas are walked freely in assertions
type Schema = Record<string, any>;

const catalogs = await allTestCatalogs();

/** Emitted files of `catalog` parsed, by path relative to `<id>/schemas/` (schemas only). */
function emittedSchemas(catalog: Catalog): Map<string, Schema> {
  const prefix = `${catalog.id}/schemas/`;
  return new Map(
    emitJsonSchemas(catalog)
      .filter((f) => f.path !== `${prefix}${TRANSLATIONS_FILE}`)
      .map((f) => {
        expect(f.path.startsWith(prefix)).toBe(true);
        return [f.path.slice(prefix.length), JSON.parse(f.contents) as Schema];
      }),
  );
}

/** The translations file of `catalog`: locale -> file -> JSON Pointer -> texts. */
function emittedTranslations(catalog: Catalog): Schema {
  const file = emitJsonSchemas(catalog).find((f) => f.path === `${catalog.id}/schemas/${TRANSLATIONS_FILE}`);
  return file === undefined ? {} : (JSON.parse(file.contents) as Schema);
}

describe.each(catalogs)('JSON Schemas of $name', ({ catalog }) => {
  const files = emitJsonSchemas(catalog);
  const schemas = emittedSchemas(catalog);
  const eventSchema = (key: string): Schema => schemas.get(`events/${key}.schema.json`)!;

  it('emits one file per shared schema, payload and event, plus the bundle, and the translations when there are any', () => {
    expect([...schemas.keys()]).toEqual([
      ...catalog.schemas.map((s) => `shared/${s.name}.schema.json`),
      ...catalog.events.flatMap((e) => [`payloads/${e.key}.schema.json`, `events/${e.key}.schema.json`]),
      'bundle.schema.json',
    ]);
    const translated =
      catalog.locales.length > 1 && catalog.events.some((e) => Object.values(e.title).some((t) => !t.fallback && t !== e.title[catalog.sourceLocale]));
    expect(files.at(-1)!.path === `${catalog.id}/schemas/${TRANSLATIONS_FILE}`).toBe(translated);
    expect(jsonSchemaEmitter.name).toBe('schemas');
    expect(jsonSchemaEmitter.emit(catalog, {})).toEqual(files);
  });

  it('writes 2-space JSON with a trailing newline, the same bytes every time', () => {
    for (const file of files) {
      expect(file.contents.endsWith('}\n')).toBe(true);
      expect(file.contents).toBe(`${JSON.stringify(JSON.parse(file.contents), null, 2)}\n`);
    }
    expect(emitJsonSchemas(catalog)).toEqual(files);
  });

  it('gives every file draft 2020-12, a unique stable $id and the generated stamp', () => {
    const ids = [...schemas.values()].map((s) => s['$id']);
    expect(new Set(ids).size).toBe(ids.length);
    for (const [file, schema] of schemas) {
      expect(schema['$schema']).toBe('https://json-schema.org/draft/2020-12/schema');
      expect(schema['$id']).toMatch(new RegExp(`/${catalog.version.replace(/\./g, '\\.')}/schemas/${file.replace(/\./g, '\\.')}$`));
      expect(schema['$comment']).toContain('Do not edit by hand');
    }
    if (catalog.docsUrl !== undefined) expect(ids.every((id) => id.startsWith(`${catalog.docsUrl}/${catalog.version}/schemas/`))).toBe(true);
  });

  it('passes the 2020-12 meta-schema and compiles in strict ajv', () => {
    const ajv = strictAjv();
    for (const [file, schema] of schemas) {
      expect(ajv.validateSchema(schema), `${file}: ${ajv.errorsText()}`).toBe(true);
    }
    const separate = strictAjv();
    for (const [file, schema] of schemas) if (file !== 'bundle.schema.json') separate.addSchema(schema);
    for (const schema of schemas.values())
      if (schema['$id'] && !schema['$id'].endsWith('bundle.schema.json')) expect(separate.getSchema(schema['$id'])).toBeTypeOf('function');
    expect(strictAjv().compile(schemas.get('bundle.schema.json')!)).toBeTypeOf('function');
  });

  it('leaves no catalog reference behind and copies no shared schema', () => {
    for (const file of files) expect(file.contents).not.toContain('"#/schemas/');
    for (const named of catalog.schemas) {
      const users = catalog.events.filter((e) => JSON.stringify(e.payload).includes(`"#/schemas/${named.name}"`));
      for (const event of users) expect(JSON.stringify(schemas.get(`payloads/${event.key}.schema.json`))).toContain(`"../shared/${named.name}.schema.json"`);
    }
  });

  it('fixes the type field of each event schema with const and references the payload from the data field', () => {
    const { typeField } = catalog.envelope;
    const dataField = catalog.envelope.dataField!;
    for (const event of catalog.events) {
      const schema = eventSchema(event.key);
      expect(schema['properties'][typeField]).toEqual({ const: event.key });
      expect(schema['properties'][dataField]).toEqual({ $ref: `../payloads/${event.key}.schema.json` });
      expect(schema['required']).toEqual(expect.arrayContaining([typeField, dataField, ...catalog.envelope.required]));
      expect(schema['title']).toBe(textIn(event.title, catalog.sourceLocale));
      expect(schema['deprecated']).toBe(event.deprecated === undefined ? undefined : true);
      expect(schemas.get(`payloads/${event.key}.schema.json`)!['deprecated']).toBe(event.deprecated === undefined ? undefined : true);
    }
  });

  it('keeps every non-source locale of event titles in the translations file, by file and JSON Pointer', () => {
    const translations = emittedTranslations(catalog);
    for (const event of catalog.events) {
      for (const locale of catalog.locales.filter((l) => l !== catalog.sourceLocale)) {
        const local = event.title[locale]!;
        const kept = translations[locale]?.[`events/${event.key}.schema.json`]?.['']?.title;
        expect(kept).toBe(local.fallback ? undefined : local.text);
      }
    }
  });

  it('holds only JSON Schema 2020-12 keywords: default ajv (strict, with ajv-formats) compiles every file', () => {
    for (const file of files) expect(file.contents).not.toContain(`"${TRANSLATIONS_KEYWORD}"`);
    const ajv = new Ajv2020();
    addFormats(ajv);
    for (const [file, schema] of schemas) if (file !== 'bundle.schema.json') ajv.addSchema(schema);
    for (const schema of schemas.values()) if (!schema['$id'].endsWith('bundle.schema.json')) expect(ajv.getSchema(schema['$id'])).toBeTypeOf('function');
    const alone = new Ajv2020();
    addFormats(alone);
    expect(alone.compile(schemas.get('bundle.schema.json')!)).toBeTypeOf('function');
  });

  describe('validating deliveries', () => {
    const bundleAjv = strictAjv();
    const filesAjv = strictAjv();
    let bundle: ReturnType<typeof bundleAjv.compile>;
    beforeAll(() => {
      bundle = bundleAjv.compile(schemas.get('bundle.schema.json')!);
      for (const [file, schema] of schemas) if (file !== 'bundle.schema.json') filesAjv.addSchema(schema);
    });
    const validatorOf = (key: string) => filesAjv.getSchema(eventSchema(key)['$id'])!;

    it.each(catalog.events.flatMap((event) => event.examples.map((example) => ({ event, example, label: `${event.key} ${example.name}` }))))(
      'accepts example $label against its event schema and the bundle',
      ({ event, example }) => {
        const body = deliveryBody(catalog, event, example);
        const validate = validatorOf(event.key);
        expect(validate(body), filesAjv.errorsText(validate.errors)).toBe(true);
        expect(bundle(body), bundleAjv.errorsText(bundle.errors)).toBe(true);
      },
    );

    it('rejects a payload of the wrong type, and an unknown or mismatched type field', () => {
      const { typeField } = catalog.envelope;
      const dataField = catalog.envelope.dataField!;
      for (const event of catalog.events) {
        const example = event.examples[0] ?? { name: 'none', summary: undefined, payload: {} };
        const body = deliveryBody(catalog, event, example) as Record<string, unknown>;
        const wrongPayload = { ...body, [dataField]: 12345 };
        expect(validatorOf(event.key)(wrongPayload)).toBe(false);
        expect(bundle(wrongPayload)).toBe(false);
        expect(validatorOf(event.key)({ ...body, [typeField]: 'no.such.event' })).toBe(false);
        expect(bundle({ ...body, [typeField]: 'no.such.event' })).toBe(false);
        const other = catalog.events.find((e) => e.key !== event.key);
        if (other !== undefined) expect(validatorOf(event.key)({ ...body, [typeField]: other.key })).toBe(false);
      }
    });
  });
});

describe('the bundle', () => {
  it('is a oneOf over every event, in catalog order, told apart by the type field const', async () => {
    const catalog = await loadOrFail(path.join(RICH_FIXTURE, 'catalog'));
    const bundle = emittedSchemas(catalog).get('bundle.schema.json')!;
    expect(bundle['$id']).toBe('https://docs.example.com/rich/2.0/schemas/bundle.schema.json');
    expect(bundle['oneOf']).toEqual(catalog.events.map((e) => ({ $ref: `#/$defs/event:${e.key}` })));
    for (const event of catalog.events) {
      expect(bundle['$defs'][`event:${event.key}`].properties.type).toEqual({ const: event.key });
    }
    expect(JSON.stringify(bundle)).not.toMatch(/"\$ref":"(?!#)/);
  });
});

describe('a hand-built catalog with hostile text', () => {
  const catalog = catalogs.find((c) => c.name.startsWith('hostile'))!.catalog;
  const schemas = emittedSchemas(catalog);

  it('keeps every hostile string exactly, in JSON', () => {
    const text = [...schemas.values()].map((s) => JSON.stringify(s)).join('\n');
    for (const hostile of HOSTILE) expect(text).toContain(JSON.stringify(hostile).slice(1, -1));
    expect(schemas.get('payloads/yes.no.schema.json')!['properties']['choice']).toEqual({ enum: [...HOSTILE] });
  });

  it('keeps a property named __proto__ as a plain property', () => {
    const payload = schemas.get('payloads/yes.no.schema.json')!;
    expect(Object.hasOwn(payload['properties'], '__proto__')).toBe(true);
  });

  it('moves local refs along when a payload is embedded in the bundle, and keeps them in its own file', () => {
    expect(schemas.get('payloads/yes.no.schema.json')!['properties']['nested']).toEqual({ $ref: '#/$defs/Inner' });
    expect(schemas.get('bundle.schema.json')!['$defs']['payload:yes.no']['properties']['nested']).toEqual({ $ref: '#/$defs/payload:yes.no/$defs/Inner' });
  });

  it('uses the default base URI when the catalog has no docs URL', () => {
    expect(schemas.get('shared/Thing.schema.json')!['$id']).toBe('https://hookcat.dev/catalogs/hostile/1.0.0-rc.1/schemas/shared/Thing.schema.json');
    expect(schemas.get('shared/Thing.schema.json')!['properties']['children']['items']).toEqual({ $ref: '../shared/Thing.schema.json' });
  });

  it('turns a title still written as a locale map into source text, its translation into the translations file', () => {
    const withMap: Catalog = {
      ...catalog,
      schemas: [{ name: 'M', title: undefined, description: undefined, schema: { type: 'string', title: { en: 'Money', et: 'Raha' } } }],
    };
    const shared = emittedSchemas(withMap).get('shared/M.schema.json')!;
    expect(shared['title']).toBe('Money');
    expect(shared[TRANSLATIONS_KEYWORD]).toBeUndefined();
    expect(emittedTranslations(withMap)['et']['shared/M.schema.json']).toEqual({ '': { title: 'Raha' } });
  });
});

describe('golden files for the rich fixture', () => {
  const expectedRoot = path.join(RICH_FIXTURE, 'expected');

  it('match test/fixtures/rich/expected/rich/schemas', async () => {
    const catalog = await loadOrFail(path.join(RICH_FIXTURE, 'catalog'));
    for (const file of emitJsonSchemas(catalog)) {
      await expect(file.contents).toMatchFileSnapshot(path.join(expectedRoot, file.path));
    }
  });

  it('leaves no orphaned golden schema', async () => {
    const catalog = await loadOrFail(path.join(RICH_FIXTURE, 'catalog'));
    const emitted = new Set(emitJsonSchemas(catalog).map((f) => f.path));
    const folder = path.join(expectedRoot, catalog.id, 'schemas');
    const goldens = existsSync(folder)
      ? readdirSync(folder, { recursive: true, withFileTypes: true })
          .filter((e) => e.isFile())
          .map((e) => path.relative(expectedRoot, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
      : [];
    expect(goldens.filter((g) => !emitted.has(g))).toEqual([]);
  });
});

describe('the translations file', () => {
  it('is left out when no text is in another locale', async () => {
    const catalog = await loadOrFail(path.join(REPO, 'test/fixtures/shapes/envelope-flat/catalog'));
    expect(emitJsonSchemas(catalog).map((f) => f.path)).toEqual([
      'flat/schemas/payloads/message.sent.schema.json',
      'flat/schemas/events/message.sent.schema.json',
      'flat/schemas/payloads/message.deleted.schema.json',
      'flat/schemas/events/message.deleted.schema.json',
      'flat/schemas/bundle.schema.json',
    ]);
  });
});
