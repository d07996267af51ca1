/** Checks one file against the catalog format (schema.json) and turns ajv errors into diagnostics. */
import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import catalogSchemaJson from './schema.json' with { type: 'json' };
import allErrorsCode from './format/all-errors.js';
import firstErrorCode from './format/first-error.js';
import type { Diagnostic } from '../diagnostics.js';
import { editDistance } from '../did-you-mean.js';
import { canonicalLocale } from '../locale/tags.js';
import { diagnosticAt } from './positions.js';
import type { DataPath, SourceFile } from './source-file.js';

/**
 * ajv gathers the errors of a `$ref`'d subschema by copying the list gathered so far, so a file
 * with tens of thousands of errors (100,000 numbers where categories belong) costs quadratic
 * time. Files with more nodes than this are reported to their first error only.
 */
export const FULL_REPORT_MAX_NODES = 20_000;

/** Where the event key syntax lives in schema.json: a key that breaks it is HC308, not a generic HC203. */
const EVENT_KEY_PATTERN = '#/$defs/eventKey/pattern';
/** Where the locale tag shape lives: a tag that `Intl` can put in canonical form gets that form as the hint. */
const LOCALE_PATTERN = '#/$defs/locale/pattern';

/** The catalog format compiled by ajv ahead of time (see `format/`): compiling schema.json took
 * 150 ms or more of every run. Reports every error. Read `errors` right after the call: the
 * function keeps only the last call's. */
const allErrors = allErrorsCode as unknown as ValidateFunction;
/** Stops at the first error: the quick yes, and the report on very large files. */
const firstError = firstErrorCode as unknown as ValidateFunction;

/** Whether `data` has more than `limit` values (mappings, lists and scalars); stops counting there. */
function isLarger(data: unknown, limit: number): boolean {
  let count = 0;
  const stack: unknown[] = [data];
  while (stack.length > 0) {
    const value = stack.pop();
    if (++count > limit) return true;
    if (value !== null && typeof value === 'object') for (const child of Array.isArray(value) ? value : Object.values(value)) stack.push(child);
  }
  return false;
}

/** The catalog file format, for editors and for tools (the JSON Schema itself). Typed here, so
 * that the declaration files do not import the JSON (which they could not do with the import
 * attribute NodeNext asks for: TS1543). */
export const catalogSchema: { readonly [keyword: string]: unknown } = catalogSchemaJson;

/** Every way `file` departs from the catalog format, at the offending node. */
export function checkFileSchema(file: SourceFile): Diagnostic[] {
  if (firstError(file.data)) return [];
  const validate = isLarger(file.data, FULL_REPORT_MAX_NODES) ? firstError : allErrors;
  if (validate(file.data)) return [];
  const errors = relevantErrors(validate.errors ?? []);
  const seen = new Set<string>();
  const diagnostics: Diagnostic[] = [];
  for (const error of errors) {
    const diagnostic = translate(file, error);
    const id = `${diagnostic.line}:${diagnostic.column}:${diagnostic.code}:${diagnostic.message}`;
    if (!seen.has(id)) {
      seen.add(id);
      diagnostics.push(diagnostic);
    }
  }
  return diagnostics;
}

/** Drops the summary errors ajv adds on top of more precise ones, and what is wrong inside a property that does not apply at all. */
function relevantErrors(errors: ErrorObject[]): ErrorObject[] {
  const misplaced = errors.filter((e) => e.keyword === 'false schema').map((e) => e.instancePath);
  const inside = (e: ErrorObject): boolean => misplaced.some((at) => e.instancePath === at || e.instancePath.startsWith(`${at}/`));
  return errors.filter((e) => e.keyword !== 'propertyNames' && e.keyword !== 'if' && (e.keyword === 'false schema' || !inside(e)));
}

function dataPath(error: ErrorObject): (string | number)[] {
  if (error.instancePath === '') return [];
  return error.instancePath
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^(0|[1-9][0-9]*)$/.test(s) ? Number(s) : s));
}

function translate(file: SourceFile, error: ErrorObject): Diagnostic {
  const path = dataPath(error);
  const where = describePath(path);
  const params = error.params as Record<string, unknown>;
  const parentSchema = (error.parentSchema ?? {}) as { description?: string };
  // ajv 8 puts the offending name of a `propertyNames` failure on the error itself.
  const propertyName = error.propertyName ?? (typeof params['propertyName'] === 'string' ? params['propertyName'] : undefined);
  if (propertyName !== undefined) {
    return diagnosticAt(
      file,
      [...path, propertyName],
      'HC203',
      'error',
      `the name ${quote(propertyName)} in ${where} is not allowed`,
      localeHint(error, propertyName) ?? describeRule(error, parentSchema),
      'key',
    );
  }
  switch (error.keyword) {
    case 'required':
      return diagnosticAt(
        file,
        path,
        'HC200',
        'error',
        `${where} is missing the required property ${quote(String(params['missingProperty']))}`,
        `add ${quote(String(params['missingProperty']))}`,
      );
    case 'additionalProperties': {
      const name = String(params['additionalProperty']);
      return diagnosticAt(
        file,
        [...path, name],
        'HC201',
        'error',
        `unknown property ${quote(name)} in ${where}`,
        suggestion(name, error.schema === false ? Object.keys((error.parentSchema as { properties?: object })?.properties ?? {}) : []),
        'key',
      );
    }
    case 'type':
      return diagnosticAt(
        file,
        path,
        'HC202',
        'error',
        `${where} must be ${article(String(params['type']))}, found ${kindOf(error.data)}`,
        `write ${article(String(params['type']))} here`,
      );
    case 'false schema': {
      // A property the block allows in another of its forms (`prefix` on Stripe's form, `timestampKey` beside a timestamp header...).
      const rule = propertyDescription(path);
      return diagnosticAt(file, path, 'HC203', 'error', `${where} does not apply here`, rule === undefined ? 'remove it' : `remove it; ${rule}`, 'key');
    }
    case 'enum':
      return diagnosticAt(
        file,
        path,
        'HC203',
        'error',
        `${where} is ${preview(error.data)}, which is not one of the allowed values`,
        `use one of: ${(params['allowedValues'] as unknown[]).map((v) => String(v)).join(', ')}`,
      );
    default:
      return diagnosticAt(
        file,
        path,
        error.schemaPath === EVENT_KEY_PATTERN ? 'HC308' : 'HC203',
        'error',
        `${where} has the value ${preview(error.data)}, which is not allowed`,
        localeHint(error, error.data) ?? describeRule(error, parentSchema),
      );
  }
}

/** The description schema.json gives the property at `path` (following its `$ref`s), if any. */
function propertyDescription(path: DataPath): string | undefined {
  type Node = { readonly $ref?: string; readonly description?: string; readonly properties?: Record<string, Node>; readonly items?: Node };
  const resolve = (node: Node | undefined): Node | undefined =>
    node?.$ref?.startsWith('#/$defs/') === true ? (catalogSchema['$defs'] as Record<string, Node>)[node.$ref.slice(8)] : node;
  let node: Node | undefined = catalogSchema as Node;
  for (const segment of path) {
    const resolved = resolve(node);
    node = typeof segment === 'number' ? resolved?.items : resolved?.properties?.[segment];
  }
  return typeof node?.description === 'string' ? node.description : undefined;
}

/** `write \`zh-Hant-TW\`` for a locale tag written in another case (`zh-hant-tw`). */
function localeHint(error: ErrorObject, value: unknown): string | undefined {
  if (error.schemaPath !== LOCALE_PATTERN || typeof value !== 'string') return undefined;
  const canonical = canonicalLocale(value);
  return canonical === undefined || canonical === value || !new RegExp(String(error.params['pattern'])).test(canonical)
    ? undefined
    : `write the canonical form \`${canonical}\``;
}

function describeRule(error: ErrorObject, parentSchema: { description?: string }): string {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'pattern':
      return parentSchema.description ?? `it must match ${String(params['pattern'])}`;
    case 'minLength':
      return 'it must not be empty';
    case 'maxLength':
      return `shorten it to at most ${String(params['limit'])} characters`;
    case 'minItems':
      return `give at least ${String(params['limit'])} item(s)`;
    case 'minProperties':
      return `give at least ${String(params['limit'])} entry(ies)`;
    case 'uniqueItems': {
      // ajv gives the two indices in either order, by the algorithm it picked for the item type.
      const [first, second] = [Number(params['i']), Number(params['j'])].sort((a, b) => a - b);
      return `items ${first} and ${second} are the same; remove one`;
    }
    case 'minimum':
      return `it must be at least ${String(params['limit'])}`;
    default:
      return parentSchema.description ?? `see the catalog format (rule: ${error.keyword})`;
  }
}

/** `events[3].payload` style, for messages. */
export function describePath(path: DataPath): string {
  if (path.length === 0) return 'the file';
  return path.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
}

function quote(text: string): string {
  return `\`${text.length > 60 ? `${text.slice(0, 57)}...` : text}\``;
}

function preview(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return quote(text);
}

function kindOf(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return typeof value === 'string' ? 'a string' : `a ${typeof value}`;
}

function article(type: string): string {
  const names: Record<string, string> = {
    object: 'a mapping',
    array: 'a list',
    string: 'a string',
    number: 'a number',
    integer: 'an integer',
    boolean: 'true or false',
  };
  return type
    .split(',')
    .map((t) => names[t] ?? t)
    .join(' or ');
}

function suggestion(name: string, known: string[]): string {
  const close = known.find((k) => editDistance(k.toLowerCase(), name.toLowerCase()) <= 2);
  return close !== undefined ? `did you mean ${quote(close)}?` : known.length > 0 ? `allowed here: ${known.join(', ')}` : 'remove it';
}
