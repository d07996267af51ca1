/**
 * `hookcat import json-schema <folder> --key <pattern>`: a folder of payload JSON Schemas -> a
 * catalog. Each file nothing refers to is an event, keyed by the pattern (`{dir}.{name}`:
 * `issues/opened.schema.json` -> `issues.opened`); files other files `$ref`, and the
 * `definitions`/`$defs` of every file, become shared schemas named as the source names them.
 * References between files (relative paths or `$id`s) and into definitions are rewritten to
 * `#/schemas/<Name>`; older drafts are converted to 2020-12 (see catalog/dialect.ts).
 */
import path from 'node:path';
import { isObject, setOwn } from '../catalog/schema-walk.js';
import { deliveredAs, singleValueOf } from './event-identity.js';
import { checkExamples, freshValidators } from './example-check.js';
import type { PayloadValidators } from '../catalog/checks/payload-validators.js';
import { withRepeatedObjectsShared } from './repeated-objects.js';
import type { ImportedCatalog, ImportedCategory, ImportedEvent } from './imported.js';
import { acceptedName, ClaimedNames, humanize } from './names.js';
import type { ImportResult } from './openapi.js';
import { ImportProblems, pointer } from './problems.js';
import { importSchema, type SchemaImport } from './schema-import.js';
import { SharedSchemas, type SourceSchema } from './shared-schemas.js';
import { withoutByteOrderMark } from '../byte-order-mark.js';
import { pastLimitPointer, pastLimitWords, sourcePastLimit } from './source-document.js';
import { DEFINITIONS, SchemaAddresses } from './schema-addresses.js';
import { eventTexts } from './texts.js';
import type { SchemaFileText } from './schema-folder.js';

export { readSchemaFolder, type SchemaFileText } from './schema-folder.js';

export interface JsonSchemaImportOptions {
  readonly id: string;
  /** `{dir}` and `{name}` stand for the file's folder and name. */
  readonly key: string;
  readonly typeHeader?: string | undefined;
  readonly actionField?: string | undefined;
  /** The loader's validators, to check the examples with (and keep for a load of the catalog). */
  readonly validators?: PayloadValidators | undefined;
}

/** A file that holds a JSON Schema object. */
type ParsedFile = { readonly path: string; readonly schema: Record<string, unknown>; readonly aliases?: readonly string[] | undefined };

/** The sources after every `$ref` was made absolute, and the whole files referred to: by another
 * file (a shared schema, not an event), or by itself only (a recursive payload: an event whose
 * payload refers to its own shared schema). */
interface Resolved {
  readonly rewritten: ReadonlyMap<string, SourceSchema>;
  readonly referred: ReadonlySet<string>;
  readonly selfReferred: ReadonlySet<string>;
  /** Files whose definitions some schema refers to. */
  readonly definitionsReferred: ReadonlySet<string>;
}

/** Imports the files of a folder; see the module comment. */
export function importJsonSchemas(files: readonly SchemaFileText[], options: JsonSchemaImportOptions): ImportResult {
  const problems = new ImportProblems();
  const parsed = parseSchemaFiles(files, problems);
  if (parsed.length === 0) {
    problems.error('HI100', '', 'the folder holds no JSON Schema files');
    return { catalog: undefined, problems: problems.list };
  }
  const { rewritten, referred, selfReferred, definitionsReferred } = resolveRefs(sourceSchemas(parsed), new SchemaAddresses(parsed));
  const shared = new SharedSchemas(
    new Map([...rewritten].filter(([id]) => id.includes('#') || referred.has(id) || selfReferred.has(id))),
    (ref) => (rewritten.has(ref) ? ref : undefined),
    problems,
  );
  const context: SchemaImport = { resolveRef: (ref) => shared.nameOf(ref), problems, customKeywords: new Set() };
  const categories = new Map<string, ImportedCategory>();
  const keys = new ClaimedNames('_');
  const events: ImportedEvent[] = [];
  // As `import openapi` does: with a type header, `action` names the variant when some event's schema fixes it.
  const actionField =
    options.typeHeader === undefined
      ? undefined
      : (options.actionField ??
        (parsed.some((file) => !referred.has(file.path) && singleValueOf(file.schema, 'action', (s) => s) !== undefined) ? 'action' : undefined));
  for (const file of parsed) {
    if (referred.has(file.path)) continue;
    // A file of definitions only (`common/definitions.json`) is where shared schemas live, not an event.
    if (holdsOnlyDefinitions(file.schema)) {
      if (!definitionsReferred.has(file.path)) problems.warn('HI101', file.path, 'holds only definitions, which no other file refers to: no event');
      continue;
    }
    const payload = selfReferred.has(file.path) ? { $ref: file.path } : withoutExamples(rewritten.get(file.path)!.schema);
    events.push(
      importedEvent(file, () => importSchema(payload, `${file.path}#`, context), { options: { ...options, actionField }, categories, keys, problems }),
    );
  }
  // Importing the shared schemas may meet custom keywords too: the annotations are listed after.
  const schemas = shared.imported(context);
  const catalog: ImportedCatalog = {
    id: options.id,
    version: '1.0',
    title: humanize(options.id),
    description: undefined,
    annotations: [...context.customKeywords].sort(),
    envelope: {
      shape: options.typeHeader === undefined ? 'envelope' : 'bare',
      typeHeader: options.typeHeader,
      actionField,
      headers: [],
      responses: [],
    },
    categories: [...categories.values()],
    schemas,
    events,
  };
  for (const file of referred) if (!shared.isUsed(file)) problems.warn('HI101', file, 'referred to only by schemas no event uses (a ring of files): left out');
  for (const id of rewritten.keys()) if (id.includes('#') && !shared.isUsed(id)) problems.warn('HI101', id, 'a definition no event uses: left out');
  return { catalog: checkExamples(withRepeatedObjectsShared(catalog), problems, options.validators ?? freshValidators()), problems: problems.list };
}

/** The files that hold a JSON Schema object; each other file gets a warning. */
function parseSchemaFiles(files: readonly SchemaFileText[], problems: ImportProblems): ParsedFile[] {
  const parsed: ParsedFile[] = [];
  for (const file of files) {
    try {
      const schema = JSON.parse(withoutByteOrderMark(file.text)) as unknown;
      const limit = sourcePastLimit(schema);
      if (limit !== undefined) problems.warn('HI100', `${file.path}#${pastLimitPointer(limit)}`, `${pastLimitWords(limit)}: left out`);
      else if (isObject(schema)) parsed.push({ path: file.path, schema, aliases: file.aliases });
      else problems.warn('HI101', file.path, 'not a JSON Schema object: left out');
    } catch (error) {
      problems.warn('HI100', file.path, `not JSON: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return parsed;
}

/** Every schema a `$ref` may name: each file, and each of its definitions (`<file>#/definitions/<name>`). */
function sourceSchemas(parsed: readonly ParsedFile[]): Map<string, SourceSchema> {
  const sources = new Map<string, SourceSchema>();
  for (const { path: file, schema } of parsed) {
    sources.set(file, { name: baseName(file), schema: withoutDefinitions(schema), at: `${file}#` });
    for (const keyword of DEFINITIONS) {
      const defs = schema[keyword];
      if (!isObject(defs)) continue;
      for (const [name, def] of Object.entries(defs))
        sources.set(`${file}#${pointer(keyword, name)}`, { name, schema: def, at: `${file}#${pointer(keyword, name)}` });
    }
  }
  return sources;
}

/** Every `$ref` made absolute: `<file>` or `<file>#/definitions/<name>`. */
function resolveRefs(sources: ReadonlyMap<string, SourceSchema>, addresses: SchemaAddresses): Resolved {
  const absolute = (file: string, ref: string): string | undefined => addresses.resolve(file, ref);
  const referred = new Set<string>();
  const selfReferred = new Set<string>();
  const definitionsReferred = new Set<string>();
  const rewritten = new Map<string, SourceSchema>();
  for (const [id, source] of sources) {
    const file = id.replace(/#.*$/, '');
    const refer = (target: string): void => {
      if (target.includes('#')) definitionsReferred.add(target.replace(/#.*$/, ''));
      else (target === file ? selfReferred : referred).add(target);
    };
    rewritten.set(id, { ...source, schema: absoluteRefs(source.schema, (ref) => absolute(file, ref), refer) });
  }
  for (const file of selfReferred) {
    const source = rewritten.get(file)!;
    if (!referred.has(file)) rewritten.set(file, { ...source, schema: withoutExamples(source.schema) });
  }
  return { rewritten, referred, selfReferred, definitionsReferred };
}

/** What the events of one import share: the categories and keys so far. */
interface EventImport {
  readonly options: JsonSchemaImportOptions;
  readonly categories: Map<string, ImportedCategory>;
  readonly keys: ClaimedNames;
  readonly problems: ImportProblems;
}

/** The event of a file nothing refers to, keyed by the pattern; its category is added if new.
 * The payload is imported after the texts, so the problems come in the order of the file. */
function importedEvent({ path: file, schema }: ParsedFile, importPayload: () => unknown, { options, categories, keys, problems }: EventImport): ImportedEvent {
  const written = keyFrom(options.key, file);
  const wanted = acceptedName('key', written);
  if (wanted !== written) problems.warn('HI102', file, `the key \`${written}\` is not one the catalog format accepts: written \`${wanted}\``);
  const key = keys.claim(wanted);
  if (key !== wanted) problems.warn('HI108', file, `\`${wanted}\` is the key of an earlier file too (letter case aside): written \`${key}\``);
  const name = key.split('.')[0]!;
  const action = options.actionField === undefined ? undefined : singleValueOf(schema, options.actionField, (s) => s);
  // Keyed by id: `Tree` and `tree` are one category, as their ids are one.
  const id = acceptedName('id', name);
  const category = categories.get(id) ?? { id, title: humanize(name), description: `The \`${name}\` events.` };
  categories.set(id, category);
  const examples = Array.isArray(schema['examples']) ? schema['examples'] : [];
  return {
    key,
    category: category.id,
    ...eventTexts(schema, humanize(key), problems, file),
    payload: importPayload(),
    examples: examples.map((example, i) => ({ name: `example-${i + 1}`, summary: undefined, payload: example })),
    deprecated: schema['deprecated'] === true,
    deliveredAs: options.typeHeader === undefined ? undefined : deliveredAs(name, action, key, problems, file),
    source: file,
  };
}

/** `issues/opened.schema.json` -> `opened`. */
function baseName(file: string): string {
  return path.posix.basename(file).replace(/(\.schema)?\.json$/, '');
}

/** The key the pattern gives a file: `{dir}` its folder (`/` as `.`), `{name}` its base name. */
function keyFrom(pattern: string, file: string): string {
  const dir = path.posix.dirname(file);
  return pattern
    .replaceAll('{dir}', dir === '.' ? '' : dir.replaceAll('/', '.'))
    .replaceAll('{name}', baseName(file))
    .replace(/\.{2,}/g, '.')
    .replace(/^\.|\.$/g, '');
}

/** The payload without the `examples` keyword at its root: they become the event's examples. */
function withoutExamples(schema: unknown): unknown {
  return isObject(schema) && Array.isArray(schema['examples'])
    ? Object.fromEntries(Object.entries(schema).filter(([keyword]) => keyword !== 'examples'))
    : schema;
}

/** Keywords that name or describe a file without saying what a value must be. */
const ABOUT_THE_FILE = new Set(['$schema', '$id', 'id', 'title', 'description', '$comment', ...DEFINITIONS]);

/** Whether the file is a holder of definitions: it has some, and no keyword of a schema beside them. */
function holdsOnlyDefinitions(schema: Record<string, unknown>): boolean {
  return DEFINITIONS.some((keyword) => isObject(schema[keyword])) && Object.keys(schema).every((keyword) => ABOUT_THE_FILE.has(keyword));
}

function withoutDefinitions(schema: Record<string, unknown>): Record<string, unknown> {
  if (!DEFINITIONS.some((keyword) => Object.hasOwn(schema, keyword))) return schema;
  return Object.fromEntries(Object.entries(schema).filter(([keyword]) => !DEFINITIONS.includes(keyword)));
}

/** Keywords whose values are data, not schemas: a `$ref` in an example is the example's. */
const DATA_KEYWORDS: ReadonlySet<string> = new Set(['examples', 'example', 'const', 'enum', 'default']);

/** `schema` with every `$ref` that `resolve` knows made absolute; `refer` is called with each target. */
function absoluteRefs(schema: unknown, resolve: (ref: string) => string | undefined, refer: (file: string) => void): unknown {
  if (Array.isArray(schema)) return schema.map((item) => absoluteRefs(item, resolve, refer));
  if (!isObject(schema)) return schema;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    if (DATA_KEYWORDS.has(key)) setOwn(out, key, value);
    else if ((key === '$ref' || key === '$recursiveRef') && typeof value === 'string') {
      const target = resolve(value);
      if (target !== undefined) refer(target);
      out[key] = target ?? value;
    } else if (key === '__proto__')
      Object.defineProperty(out, key, { value: absoluteRefs(value, resolve, refer), enumerable: true, writable: true, configurable: true });
    else out[key] = absoluteRefs(value, resolve, refer);
  }
  return out;
}
