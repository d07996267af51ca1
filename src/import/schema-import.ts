/**
 * One schema of a provider's description -> a payload or shared schema of a catalog: written
 * in JSON Schema 2020-12 (older drafts converted, see catalog/dialect.ts), every `$ref` pointed
 * at a shared schema (`#/schemas/<Name>`), and what the catalog would refuse left out with a
 * problem naming its JSON Pointer: patterns RE2 cannot run, formats hookcat does not know,
 * texts over the length limit, references that resolve to nothing.
 */
import { formatNames } from 'ajv-formats/dist/formats.js';
import { isCustomKeyword } from '../catalog/custom-keywords.js';
import { toDraft2020 } from '../catalog/dialect.js';
import { compileLinear, javaScriptRefusal } from '../catalog/linear-regexp.js';
import { MAX_TEXT_LENGTH } from '../catalog/checks/refs.js';
import { isObject, setOwn, SHARED_SCHEMA_PREFIX, subschemaKind } from '../catalog/schema-walk.js';
import { acceptsAnnotation } from './names.js';
import { pointer, type ImportProblems } from './problems.js';

const KNOWN_FORMATS: ReadonlySet<string> = new Set(formatNames);

export interface SchemaImport {
  /** The shared schema a `$ref` of the source names, or undefined when it names none. */
  readonly resolveRef: (ref: string) => string | undefined;
  readonly problems: ImportProblems;
  /** Custom keywords met (GitHub's `tsType`): the catalog declares them as annotations. */
  readonly customKeywords: Set<string>;
  /** Whether an OpenAPI discriminator's mapping names schemas as `$ref`s do there (OpenAPI
   * documents); a folder of JSON Schemas keeps its mappings as written. */
  readonly discriminatorMappings?: boolean;
}

/** `schema` (found at `at` in the source) as a catalog writes it. */
export function importSchema(schema: unknown, at: string, context: SchemaImport): unknown {
  if (!isObject(schema)) return schema;
  const node = toDraft2020(schema);
  const out: Record<string, unknown> = {};
  for (const [keyword, value] of Object.entries(node)) {
    const here = `${at}${pointer(keyword)}`;
    if (keyword === '$ref' && typeof value === 'string') {
      const name = context.resolveRef(value);
      if (name === undefined)
        context.problems.warn('HI103', here, `\`${value}\` does not resolve to a schema of the source: the schema accepts any value there`);
      else out['$ref'] = SHARED_SCHEMA_PREFIX + name;
      continue;
    }
    if (keyword === 'discriminator' && context.discriminatorMappings === true && isObject(value)) {
      const written = isObject(value['mapping']) ? importedMapping(value['mapping'], `${here}/mapping`, context) : {};
      const mapping = withRenamedTargets(written, node, context);
      setOwn(out, keyword, isObject(value['mapping']) || Object.keys(mapping).length > 0 ? { ...value, mapping } : value);
      continue;
    }
    if (keyword === 'pattern' && typeof value === 'string' && javaScriptRefusal(value) !== undefined) {
      context.problems.warn('HI104', here, `the pattern ${JSON.stringify(value)} is no regular expression JavaScript reads with the u flag (HC310): left out`);
      continue;
    }
    if (keyword === 'pattern' && typeof value === 'string' && 'refused' in compileLinear(value)) {
      context.problems.warn('HI104', here, `the pattern ${JSON.stringify(value)} needs a backtracking engine (RE2 refuses it): left out`);
      continue;
    }
    if (keyword === 'format' && typeof value === 'string' && !KNOWN_FORMATS.has(value)) {
      context.problems.warn('HI105', here, `\`${value}\` is not a format hookcat knows: left out`);
      continue;
    }
    if ((keyword === 'title' || keyword === 'description') && typeof value === 'string' && value.length > MAX_TEXT_LENGTH) {
      context.problems.warn('HI107', here, `${value.length} characters, more than ${MAX_TEXT_LENGTH}: shortened`);
      out[keyword] = `${value.slice(0, MAX_TEXT_LENGTH - 1)}…`;
      continue;
    }
    if (isCustomKeyword(keyword)) {
      // `catalog.annotations` takes names like `tsType`; `$anchor` is also refused by ajv (HC310).
      if (!acceptsAnnotation(keyword)) {
        context.problems.warn('HI110', here, `\`${keyword}\` can be neither published nor kept as an annotation: left out`);
        continue;
      }
      context.customKeywords.add(keyword);
    }
    setOwn(out, keyword, importSubschemas(keyword, value, here, context));
  }
  return out;
}

/** An OpenAPI discriminator's mapping with each schema it names pointed at the shared schema, as a
 * `$ref` is (`#/components/schemas/Cat`, or the bare name `Cat`, becomes `#/schemas/Cat`); a
 * value that names no schema of the source is left out. */
function importedMapping(mapping: Record<string, unknown>, at: string, context: SchemaImport): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [value, target] of Object.entries(mapping)) {
    const ref = typeof target === 'string' && /^[A-Za-z0-9._-]+$/.test(target) ? COMPONENT_PREFIX + target : target;
    const name = typeof ref === 'string' ? context.resolveRef(ref) : undefined;
    if (name === undefined)
      context.problems.warn('HI103', `${at}${pointer(value)}`, `\`${String(target)}\` does not resolve to a schema of the source: left out of the mapping`);
    else setOwn(out, value, SHARED_SCHEMA_PREFIX + name);
  }
  return out;
}

/** Where an OpenAPI document keeps its schemas, as a `$ref` names them. */
export const COMPONENT_PREFIX = '#/components/schemas/';

/** `mapping` with an entry for each `oneOf`/`anyOf` component the catalog names otherwise
 * (`cat` written `cat_2`): without a mapping entry the discriminator value is the component's
 * name in the source, which the catalog no longer has. */
function withRenamedTargets(mapping: Record<string, unknown>, schema: Record<string, unknown>, context: SchemaImport): Record<string, unknown> {
  const out = { ...mapping };
  const mapped = new Set(Object.values(mapping));
  for (const keyword of ['oneOf', 'anyOf']) {
    const options = schema[keyword];
    if (!Array.isArray(options)) continue;
    for (const option of options) {
      const ref = isObject(option) ? option['$ref'] : undefined;
      if (typeof ref !== 'string' || !ref.startsWith(COMPONENT_PREFIX)) continue;
      const written = ref.slice(COMPONENT_PREFIX.length).replaceAll('~1', '/').replaceAll('~0', '~');
      const name = context.resolveRef(ref);
      if (name === undefined || name === written || Object.hasOwn(out, written) || mapped.has(SHARED_SCHEMA_PREFIX + name)) continue;
      setOwn(out, written, SHARED_SCHEMA_PREFIX + name);
    }
  }
  return out;
}

function importSubschemas(keyword: string, value: unknown, at: string, context: SchemaImport): unknown {
  const kind = subschemaKind(keyword);
  if (kind === undefined) return value;
  if (Array.isArray(value)) return value.map((item, i) => importSchema(item, `${at}/${i}`, context));
  if (kind === 'single') return importSchema(value, at, context);
  if (!isObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [name, sub] of Object.entries(value)) {
    if (keyword === 'patternProperties' && (javaScriptRefusal(name) !== undefined || 'refused' in compileLinear(name))) {
      const why =
        javaScriptRefusal(name) === undefined
          ? 'needs a backtracking engine (RE2 refuses it)'
          : 'is no regular expression JavaScript reads with the u flag (HC310)';
      context.problems.warn('HI104', `${at}${pointer(name)}`, `the pattern ${JSON.stringify(name)} ${why}: left out`);
      continue;
    }
    setOwn(out, name, importSchema(sub, `${at}${pointer(name)}`, context));
  }
  return out;
}
