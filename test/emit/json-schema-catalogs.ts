/**
 * Catalogs the JSON Schema and OpenAPI emitter tests run on: every seed catalog in `catalog/`,
 * the rich fixture, and a hand-built catalog full of hostile text (quotes, newlines, U+2028,
 * `{{`, `<script>`, `*` + `/`, YAML lookalikes) that no loader would need to produce.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { inCommonMark, loadDescriptionFormat } from '../../src/emit/description/index.js';
import { loadCatalog } from '../../src/load.js';
import type { Catalog, Localized } from '../../src/model/types.js';

export const REPO = path.resolve(import.meta.dirname, '../..');
export const RICH_FIXTURE = path.join(REPO, 'test/fixtures/rich');

/** Folders of the catalogs to test with, by a short name. */
export function catalogFolders(): { name: string; folder: string }[] {
  const seeds = readdirSync(path.join(REPO, 'catalog'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => ({ name: entry.name, folder: path.join(REPO, 'catalog', entry.name) }))
    .sort((a, b) => a.name.localeCompare(b.name));
  return [...seeds, { name: 'rich fixture', folder: path.join(RICH_FIXTURE, 'catalog') }];
}

/** Loads a catalog folder and fails loudly when the loader reports errors; descriptions in
 * CommonMark of the markdown subset, as `generate` hands the model to these emitters. */
export async function loadOrFail(folder: string): Promise<Catalog> {
  const { catalog, diagnostics } = await loadCatalog(folder);
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (catalog === undefined || errors.length > 0) {
    throw new Error(`${folder} did not load:\n${errors.map((d) => `${d.file}:${d.line}:${d.column} ${d.code} ${d.message}`).join('\n')}`);
  }
  return inCommonMark(catalog, await loadDescriptionFormat([catalog]));
}

/** Every test catalog: seeds, rich fixture and the hostile one, with their descriptions in
 * CommonMark of the markdown subset, as `generate` hands them to these emitters. */
export async function allTestCatalogs(): Promise<{ name: string; catalog: Catalog }[]> {
  const loaded = await Promise.all(catalogFolders().map(async ({ name, folder }) => ({ name, catalog: await loadOrFail(folder) })));
  const hostile = hostileCatalog();
  return [...loaded, { name: 'hostile (hand-built)', catalog: inCommonMark(hostile, await loadDescriptionFormat([hostile])) }];
}

/** Text that breaks naive YAML, JSON, HTML, template and comment writers. */
export const HOSTILE = [
  `it's "quoted" \\ back\\slash`,
  'line one\nline two\n',
  'para\u2028graph\u2029end\u0085next',
  '{{title}} ${x} <script>alert(1)</script> */ /* `tick` | pipe',
  '- leading dash',
  ': leading colon',
  '# leading hash',
  'yes',
  'no',
  'null',
  '~',
  '0o17',
  '1:20',
  '2026-01-01',
  '  padded  ',
  '\ufeffbom',
  'tab\there',
  '&anchor *alias !tag %directive @at',
] as const;

function text(en: string, et?: string): Localized {
  return { en: { text: en, fallback: false }, et: et === undefined ? { text: en, fallback: true } : { text: et, fallback: false } };
}

/** A small catalog built by hand whose every text field is hostile. */
export function hostileCatalog(): Catalog {
  const h = (i: number): string => HOSTILE[i % HOSTILE.length]!;
  return {
    id: 'hostile',
    version: '1.0.0-rc.1',
    title: text(h(0), h(1)),
    description: text(h(2), h(3)),
    locales: ['en', 'et'],
    sourceLocale: 'en',
    docsUrl: undefined,
    categories: [
      {
        id: 'yes',
        title: text('yes', 'no'),
        description: text(h(3)),
        groups: [
          { id: 'null', title: text('null'), description: text(h(4), h(5)) },
          { id: 'on', title: text('- on'), description: text(h(6)) },
        ],
      },
      { id: 'other', title: text('yes'), description: text(h(7), h(8)), groups: [] },
    ],
    events: [
      {
        key: 'yes.no',
        category: 'yes',
        group: 'null',
        title: text(h(9), h(10)),
        description: text(h(11), h(12)),
        payload: {
          type: 'object',
          required: ['text', 'choice'],
          properties: {
            text: { type: 'string', description: h(1), 'x-translations': { et: { description: h(2) } } },
            choice: { enum: [...HOSTILE] },
            ['__proto__']: { type: 'string' },
            nested: { $ref: '#/$defs/Inner' },
            thing: { $ref: '#/schemas/Thing' },
          },
          $defs: { Inner: { type: 'object', properties: { inner: { type: 'string', const: h(3) } } } },
        },
        examples: HOSTILE.map((value, i) => ({
          name: `example-${i + 1}`,
          summary: text(value, h(i + 1)),
          payload: { text: value, choice: value, nested: { inner: h(3) } },
        })),
        since: '1.0',
        deprecated: { since: '1.0', reason: text(h(13), h(14)), replacement: 'on.off' },
        tags: [],
        deliveredAs: { name: 'yes.no', action: undefined },
        source: { file: 'x.yaml', line: 1, column: 1 },
      },
      {
        key: 'on.off',
        category: 'yes',
        group: 'on',
        title: text(h(15), h(16)),
        description: text(h(17)),
        payload: { $ref: '#/schemas/Thing' },
        examples: [{ name: 'thing', summary: undefined, payload: { name: h(2), children: [{ name: h(1), children: [] }] } }],
        since: undefined,
        deprecated: undefined,
        tags: [],
        deliveredAs: { name: 'on.off', action: undefined },
        source: { file: 'x.yaml', line: 1, column: 1 },
      },
      {
        key: 'y',
        category: 'other',
        group: undefined,
        title: text('y'),
        description: text('n'),
        payload: { type: 'object', properties: { n: { type: 'integer' } } },
        examples: [],
        since: undefined,
        deprecated: undefined,
        tags: [],
        deliveredAs: { name: 'y', action: undefined },
        source: { file: 'x.yaml', line: 1, column: 1 },
      },
    ],
    schemas: [
      {
        name: 'Thing',
        title: text(h(4), h(5)),
        description: text(h(6)),
        schema: {
          type: 'object',
          required: ['name'],
          properties: { name: { type: 'string' }, children: { type: 'array', items: { $ref: '#/schemas/Thing' } } },
        },
      },
      { name: 'YesNoEvent', title: undefined, description: undefined, schema: { type: 'string', title: 'collides with the event component name' } },
    ],
    envelope: {
      shape: 'envelope',
      typeField: 'kind',
      typeHeader: undefined,
      actionField: undefined,
      batch: undefined,
      dataField: 'body',
      properties: {
        deliveryId: { type: 'string', format: 'uuid', description: h(1) },
        at: { type: 'string', format: 'date-time' },
        attempt: { type: 'integer', minimum: 1 },
      },
      required: ['deliveryId', 'at'],
      description: text(h(7), h(8)),
      headers: [{ name: 'X-Yes', required: true, description: text(h(9), h(10)), example: 'no' }],
      signature: { kind: 'hmac', header: 'X-Sig', algorithm: 'sha256', encoding: 'hex', prefix: '', description: text(h(11)) },
      responses: [],
      retries: undefined,
    },
    subscriptions: {
      title: text('null', 'yes'),
      description: text(h(12), h(13)),
      path: '/v1/hooks',
      pathParameters: [],
      idField: 'hookId',
      idParameter: 'hookId',
      idSchema: { type: 'string' },
      eventsField: 'events',
      wildcards: { all: false, families: 'none' },
      targets: ['url'],
      operations: [
        { name: 'create', summary: text(h(14), h(15)), description: text(h(16)) },
        { name: 'update', summary: text(h(17)), description: text(h(0)) },
      ],
      secret: undefined,
      fields: [{ name: 'note', required: true, schema: { type: 'string', description: h(5) }, title: text(h(1), h(2)), description: text(h(3)) }],
    },
  };
}
