/**
 * An imported catalog as YAML files, made with the `yaml` Document API so they read as if
 * written by hand: `catalog.yaml` (metadata, delivery shape, categories), `schemas.yaml` (the
 * shared schemas) and one `events/<category>.yaml` per category; short lists and mappings of
 * plain values in flow style (`required: [action, issue]`, `{ type: string }`), the rest in block
 * style, multi-line text as block scalars.
 */
import { Document, isMap, isScalar, isSeq, type Node, Scalar } from 'yaml';
import { hasBlankLineOfSpaces, type WrittenCatalogFile } from '../catalog/written-file.js';
import { walkYaml } from '../catalog/yaml-walk.js';
import type { ImportedCatalog, ImportedEvent } from './imported.js';

/** Widest a collection may be to be written in flow style. */
const FLOW_WIDTH = 96;

/** The texts of the catalog folder's files, by path relative to it. */
export function catalogFiles(catalog: ImportedCatalog, source: string): Map<string, string> {
  return new Map([...writtenCatalogFiles(catalog, source)].map(([file, { text }]) => [file, text]));
}

/** The files of the catalog folder, by path relative to it: each text with the data it was
 * written from, which `hookcat generate` in the same process takes instead of parsing the text. */
export function writtenCatalogFiles(catalog: ImportedCatalog, source: string): Map<string, WrittenCatalogFile> {
  const files = new Map<string, WrittenCatalogFile>();
  const header = `Imported from ${source} by \`hookcat import\`; edit freely.`;
  files.set(
    'catalog.yaml',
    yamlText(
      {
        catalog: dropUndefined({
          id: catalog.id,
          version: catalog.version,
          locales: ['en'],
          sourceLocale: 'en',
          title: catalog.title,
          description: catalog.description,
          annotations: catalog.annotations.length > 0 ? catalog.annotations : undefined,
        }),
        envelope: dropUndefined({
          shape: catalog.envelope.shape,
          typeHeader: catalog.envelope.typeHeader,
          actionField: catalog.envelope.actionField,
          headers: catalog.envelope.headers.length > 0 ? catalog.envelope.headers.map(headerData) : undefined,
          responses: catalog.envelope.responses.length > 0 ? catalog.envelope.responses : undefined,
        }),
        categories: catalog.categories,
      },
      header,
    ),
  );
  if (catalog.schemas.size > 0) files.set('schemas.yaml', yamlText({ schemas: Object.fromEntries(catalog.schemas) }, header));
  for (const category of catalog.categories) {
    const events = catalog.events.filter((event) => event.category === category.id);
    files.set(`events/${category.id}.yaml`, yamlText({ events: events.map(eventData) }, `${category.title}. ${header}`));
  }
  return files;
}

function headerData(header: ImportedCatalog['envelope']['headers'][number]): Record<string, unknown> {
  return dropUndefined({ name: header.name, description: header.description, example: header.example, required: header.required ? undefined : false });
}

function eventData(event: ImportedEvent): Record<string, unknown> {
  return dropUndefined({
    key: event.key,
    category: event.category,
    title: event.title,
    description: event.description,
    deliveredAs: event.deliveredAs === undefined ? undefined : dropUndefined({ ...event.deliveredAs }),
    deprecated: event.deprecated ? true : undefined,
    payload: event.payload,
    examples: event.examples.length > 0 ? event.examples.map((example) => dropUndefined({ ...example })) : undefined,
    // The provider delivers these keys already: the naming lint has nothing to suggest.
    published: true,
  });
}

function dropUndefined<T extends Record<string, unknown>>(record: T): T {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as T;
}

/** `data` as a YAML document with a comment on top (exported for the loader's tests). */
export function yamlText(data: unknown, comment: string): WrittenCatalogFile {
  const doc = new Document(data, { aliasDuplicateObjects: false });
  doc.commentBefore = ` ${comment}`;
  walkYaml(doc.contents, {
    node(node) {
      if ((isMap(node) || isSeq(node)) && fitsFlow(node)) node.flow = true;
      // A plain `<<` key reads back as a merge (the loader merges, as YAML 1.1 does): quoted, it is a name.
      if (isMap(node)) {
        for (const pair of node.items) if (isScalar(pair.key) && pair.key.value === '<<') pair.key.type = Scalar.QUOTE_SINGLE;
      }
      // A block scalar would lose the spaces of a line that has nothing else (`yaml` 2.9).
      if (isScalar(node) && typeof node.value === 'string' && hasBlankLineOfSpaces(node.value)) node.type = Scalar.QUOTE_DOUBLE;
    },
  });
  return { text: doc.toString({ lineWidth: 100, minContentWidth: 40, blockQuote: 'literal', flowCollectionPadding: false, singleQuote: true }), data };
}

/** Whether a collection holds only short plain values, few enough to fit one line. */
function fitsFlow(node: Node): boolean {
  let width = 4;
  if (isSeq(node)) {
    if (node.items.length === 0) return true;
    for (const item of node.items) {
      if (!isScalar(item) || (typeof item.value === 'string' && /[\n#:,[\]{}]/.test(item.value))) return false;
      width += String(item.value).length + 2;
    }
    return width <= FLOW_WIDTH;
  }
  if (isMap(node)) {
    if (node.items.length === 0) return true;
    for (const pair of node.items) {
      const key = pair.key;
      const value = pair.value;
      if (!isScalar(key)) return false;
      width += String(key.value).length + 2;
      if (isScalar(value)) {
        if (typeof value.value === 'string' && /[\n#,[\]{}]/.test(value.value)) return false;
        width += String(value.value).length + 2;
      } else if (isSeq(value) && value.items.every((item) => isScalar(item) && !isMultiLine(item.value)) && value.items.length <= 4) {
        width += value.items.reduce<number>((n, item) => n + String((item as { value: unknown }).value).length + 2, 2);
      } else return false;
    }
    return width <= FLOW_WIDTH;
  }
  return false;
}

/** Whether a value is text of several lines, which `yaml` 2.9 can write in a flow sequence as a
 * plain scalar that does not read back (`":\na"` reads as a key). */
function isMultiLine(value: unknown): boolean {
  return typeof value === 'string' && value.includes('\n');
}
