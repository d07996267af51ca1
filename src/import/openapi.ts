/**
 * `hookcat import openapi`: an OpenAPI 3.0 or 3.1 document that describes webhooks -> a
 * catalog. Each webhook operation becomes an event (key `name.action` as the delivery names
 * it), its tags the categories (else the event name), `components.schemas` the shared schemas
 * (a component used only as one webhook's body becomes that event's payload), the JSON body's
 * examples the examples, and the header that names the event the bare delivery shape.
 */
import { isObject } from '../catalog/schema-walk.js';
import { declaresProperty, deliveredAs, keyOf, singleValueOf, spellsUnderscoreAsHyphen, splitOperationId } from './event-identity.js';
import { checkExamples, freshValidators } from './example-check.js';
import type { PayloadValidators } from '../catalog/checks/payload-validators.js';
import { withRepeatedObjectsShared } from './repeated-objects.js';
import type { ImportedCatalog, ImportedCategory, ImportedEvent, ImportedExample, ImportedHeader } from './imported.js';
import { acceptedName, ClaimedNames, humanize } from './names.js';
import { pastLimitProblem, sourcePastLimit } from './source-document.js';
import { pointerToken } from './uri.js';
import { resolveLocal, typeHeaderOf, webhookOperations, webhooksOf, type Json, type WebhookOperation } from './openapi-document.js';
import { ImportProblems, pointer, type ImportProblem } from './problems.js';
import { componentSchemas, SharedSchemas } from './shared-schemas.js';
import { COMPONENT_PREFIX, importSchema, type SchemaImport } from './schema-import.js';
import { eventTexts, shortenedText } from './texts.js';

export interface OpenApiImportOptions {
  /** The catalog id. */
  readonly id: string;
  /** The header that names the event; found by its name (`X-GitHub-Event`) when not given. */
  readonly typeHeader?: string | undefined;
  /** The body field naming the variant; default `action` when the bodies have one. */
  readonly actionField?: string | undefined;
  /** The loader's validators, to check the examples with (and keep for a load of the catalog). */
  readonly validators?: PayloadValidators | undefined;
}

export interface ImportResult {
  /** Undefined when the source cannot be imported at all (see the problems). */
  readonly catalog: ImportedCatalog | undefined;
  readonly problems: readonly ImportProblem[];
}

/** Imports `document` (parsed JSON or YAML); see the module comment. */
export function importOpenApi(document: unknown, options: OpenApiImportOptions): ImportResult {
  const problems = new ImportProblems();
  // `openapi: 3.1` unquoted is a number in YAML.
  const field = isObject(document) ? document['openapi'] : undefined;
  const version = typeof field === 'number' ? String(field) : field;
  if (!isObject(document) || typeof version !== 'string' || !/^3\.[01](\.|$)/.test(version)) {
    const found = isObject(document) && document['openapi'] !== undefined ? `\`openapi: ${String(document['openapi'])}\`` : 'no `openapi` field';
    problems.error('HI100', '', `not an OpenAPI 3.0 or 3.1 document (${found})`);
    return { catalog: undefined, problems: problems.list };
  }
  const limit = sourcePastLimit(document);
  if (limit !== undefined) return { catalog: undefined, problems: [pastLimitProblem(limit)] };
  const found = webhooksOf(document);
  const operations = found === undefined ? [] : webhookOperations(document, found.webhooks, found.at, problems);
  if (operations.length === 0) {
    problems.error('HI100', '', 'the document describes no webhooks (`webhooks`, or `x-webhooks` in 3.0)');
    return { catalog: undefined, problems: problems.list };
  }
  const resolve = (value: unknown): unknown => resolveLocal(document, value);
  const withBody = operations.filter((op) => {
    if (isObject(op.media?.['schema'])) return true;
    problems.warn('HI101', op.at, `\`${op.webhook}\` has no JSON request body schema: left out`);
    return false;
  });
  if (withBody.length === 0) {
    problems.error('HI100', found!.at, 'no webhook has a JSON request body schema (each is named above): nothing imported');
    return { catalog: undefined, problems: problems.list };
  }
  const typeHeader = options.typeHeader ?? typeHeaderOf(withBody);
  if (typeHeader === undefined)
    problems.error('HI109', found!.at, 'no header parameter of every webhook names the event (like `X-GitHub-Event`): pass --type-header');
  const bodyOf = (op: WebhookOperation): unknown => op.media!['schema'];
  const actionField = options.actionField ?? (withBody.some((op) => singleValueOf(bodyOf(op), 'action', resolve) !== undefined) ? 'action' : undefined);

  const components = isObject(document['components']) && isObject(document['components']['schemas']) ? document['components']['schemas'] : {};
  const componentOf = (ref: string): string | undefined =>
    ref.startsWith(COMPONENT_PREFIX) && !ref.slice(COMPONENT_PREFIX.length).includes('/') ? pointerToken(ref.slice(COMPONENT_PREFIX.length)) : undefined;
  const shared = new SharedSchemas(componentSchemas(components, '/components/schemas'), componentOf, problems);
  for (const op of withBody) shared.useBody(bodyOf(op));
  const context: SchemaImport = { resolveRef: (ref) => shared.nameOf(ref), problems, customKeywords: new Set(), discriminatorMappings: true };

  const names = eventNames(withBody, actionField, (op) => {
    const field = actionField ?? 'action';
    return declaresProperty(bodyOf(op), field, resolve) ? { value: singleValueOf(bodyOf(op), field, resolve) } : undefined;
  });
  const tagList = Array.isArray(document['tags']) ? document['tags'] : [];
  const tags = new Map(tagList.flatMap((t, i) => (isObject(t) ? [[String(t['name']), { tag: t, at: `/tags/${i}` }] as const] : [])));
  const categories = new Map<string, ImportedCategory>();
  const keys = new ClaimedNames('_');
  const events: ImportedEvent[] = withBody.map((op, i) => {
    const { name, action } = names[i]!;
    const tag = Array.isArray(op.operation['tags']) && typeof op.operation['tags'][0] === 'string' ? op.operation['tags'][0] : undefined;
    const category = categoryOf(tag === undefined ? undefined : tags.get(tag), tag, name, typeHeader, categories, problems);
    // A name such as Shopify's topic `orders/create` is keyed `orders.create`.
    const written = keyOf(name.replace(/\//g, '.'), action);
    const wanted = acceptedName('key', written);
    if (wanted !== written)
      problems.warn('HI102', `${op.at}/operationId`, `the key \`${written}\` is not one the catalog format accepts: written \`${wanted}\``);
    const key = keys.claim(wanted);
    if (key !== wanted) problems.warn('HI108', op.at, `\`${wanted}\` is the key of an earlier webhook too (letter case aside): written \`${key}\``);
    const body = bodyOf(op);
    const inlined = shared.inlinedBody(body);
    const payload = importSchema(inlined?.schema ?? body, inlined?.at ?? `${op.mediaAt}/schema`, context);
    const fallback = action === undefined ? humanize(name) : `${humanize(name)} ${humanize(action).toLowerCase()}`;
    const texts = eventTexts(op.operation, fallback, problems, op.at);
    return {
      key,
      category: category.id,
      ...texts,
      payload,
      examples: examplesOf(document, op, problems),
      deprecated: op.operation['deprecated'] === true,
      deliveredAs: typeHeader === undefined ? undefined : deliveredAs(name, action, key, problems, op.at),
      source: op.at,
    };
  });
  const schemas = shared.imported(context);
  const catalog: ImportedCatalog = {
    id: options.id,
    version: versionOf(document, problems),
    title: shortenedText(infoText(document, 'title') ?? options.id, problems, '/info/title'),
    description: mapDefined(infoText(document, 'description'), (text) => shortenedText(text, problems, '/info/description')),
    annotations: [...context.customKeywords].sort(),
    envelope: {
      shape: 'bare',
      typeHeader,
      actionField,
      headers: headersOf(withBody, typeHeader, problems),
      responses: responsesOf(document, withBody[0], problems),
    },
    categories: [...categories.values()],
    schemas,
    events,
  };
  return { catalog: checkExamples(withRepeatedObjectsShared(catalog), problems, options.validators ?? freshValidators()), problems: problems.list };
}

/** The catalog's version: `info.version`; a number (YAML reads `version: 2.0` as one) as JavaScript writes it, with HI102. */
function versionOf(document: Json, problems: ImportProblems): string {
  const info = document['info'];
  const version = isObject(info) ? info['version'] : undefined;
  if (typeof version === 'number') {
    problems.warn(
      'HI102',
      '/info/version',
      `\`info.version\` is the number ${version} (YAML reads \`2.0\` unquoted as a number): written \`'${version}'\`; quote it in the source to keep it as written`,
    );
    return String(version);
  }
  return infoText(document, 'version') ?? '1.0';
}

function mapDefined<T, U>(value: T | undefined, map: (value: T) => U): U | undefined {
  return value === undefined ? undefined : map(value);
}

function infoText(document: Json, field: string): string | undefined {
  const info = document['info'];
  return isObject(info) && typeof info[field] === 'string' && info[field] !== '' ? info[field] : undefined;
}

/** The delivery name and action of each operation (see event-identity.ts). */
function eventNames(
  operations: readonly WebhookOperation[],
  actionField: string | undefined,
  actionOf: (op: WebhookOperation) => { readonly value: string | undefined } | undefined,
): { name: string; action: string | undefined }[] {
  const written = operations.map((op) => splitOperationId(typeof op.operation['operationId'] === 'string' ? op.operation['operationId'] : op.webhook));
  // Per operation: undefined when its body has no action field, else the one value it allows, if one.
  const actions = operations.map((op) => (actionField === undefined ? undefined : actionOf(op)));
  const pairs = written.flatMap((w, i) => {
    const value = actions[i]?.value;
    return w.action !== undefined && value !== undefined ? [{ written: w.action, value }] : [];
  });
  const snake = spellsUnderscoreAsHyphen(pairs);
  const spell = (text: string): string => (snake ? text.replace(/-/g, '_') : text);
  // Without an action field, or a body that has none (Shopify's `orders/create` beside bodies
  // that have one), the header names the whole operation (`order/created`).
  return written.map((w, i) => {
    const action = actions[i];
    if (actionField === undefined) return { name: w.action === undefined ? w.name : `${w.name}/${w.action}`, action: undefined };
    if (action === undefined) return { name: w.action === undefined ? spell(w.name) : `${spell(w.name)}/${spell(w.action)}`, action: undefined };
    return { name: spell(w.name), action: action.value ?? (w.action === undefined ? undefined : spell(w.action)) };
  });
}

/** The category of an event: its first tag's, else one per delivery name. */
function categoryOf(
  found: { readonly tag: Json; readonly at: string } | undefined,
  tagName: string | undefined,
  name: string,
  typeHeader: string | undefined,
  categories: Map<string, ImportedCategory>,
  problems: ImportProblems,
): ImportedCategory {
  const id = acceptedName('id', tagName ?? name);
  const known = categories.get(id);
  if (known !== undefined) return known;
  const tag = found?.tag;
  const at = found?.at ?? '';
  const description =
    tagName !== undefined
      ? typeof tag?.['description'] === 'string' && tag['description'] !== ''
        ? tag['description']
        : `Webhooks tagged \`${tagName}\`.`
      : typeHeader === undefined
        ? `The \`${name}\` events.`
        : `Deliveries with the header \`${typeHeader}: ${name}\`.`;
  const category = {
    id,
    title: shortenedText(tagName ?? humanize(name), problems, `${at}/name`),
    description: shortenedText(description, problems, `${at}/description`),
  };
  categories.set(id, category);
  return category;
}

/** The examples of the JSON body (`examples`, or one `example`), by name. */
function examplesOf(document: Json, op: WebhookOperation, problems: ImportProblems): ImportedExample[] {
  const media = op.media!;
  const examples: ImportedExample[] = [];
  const taken = new ClaimedNames('-');
  const add = (name: string, summary: unknown, payload: unknown, at: string): void => {
    const id = taken.claim(acceptedName('id', name));
    if (id !== name) problems.warn('HI102', at, `the example name \`${name}\` is written \`${id}\``);
    examples.push({
      name: id,
      summary: typeof summary === 'string' && summary !== '' ? shortenedText(summary, problems, `${at}/summary`) : undefined,
      payload,
    });
  };
  if (isObject(media['examples'])) {
    for (const [name, raw] of Object.entries(media['examples'])) {
      const example = resolveLocal(document, raw);
      const at = `${op.mediaAt}/examples${pointer(name)}`;
      if (isObject(example) && Object.hasOwn(example, 'value')) add(name, example['summary'], example['value'], at);
      else if (isObject(example) && typeof example['externalValue'] === 'string')
        problems.warn('HI101', at, `the example \`${name}\` is a file elsewhere (\`externalValue\`), which the import does not fetch: left out`);
      else problems.warn('HI101', at, `the example \`${name}\` has no \`value\` (or its \`$ref\` resolves to nothing): left out`);
    }
  } else if (Object.hasOwn(media, 'example')) add('example', undefined, media['example'], `${op.mediaAt}/example`);
  return examples;
}

/** The headers every operation has, but the one naming the event, as the first operation writes them. */
function headersOf(operations: readonly WebhookOperation[], typeHeader: string | undefined, problems: ImportProblems): ImportedHeader[] {
  const first = operations[0];
  if (first === undefined) return [];
  const everywhere = (name: string): boolean => operations.every((op) => op.headers.some((h) => String(h['name']).toLowerCase() === name.toLowerCase()));
  return first.headers
    .filter((h) => {
      const name = String(h['name']);
      return name.toLowerCase() !== typeHeader?.toLowerCase() && /^[A-Za-z0-9-]+$/.test(name) && everywhere(name);
    })
    .map((h) => {
      const schema = isObject(h['schema']) ? h['schema'] : {};
      const example = h['example'] ?? schema['example'] ?? (Array.isArray(schema['examples']) ? schema['examples'][0] : undefined);
      const at = `${first.at}/parameters`;
      return {
        name: String(h['name']),
        description:
          typeof h['description'] === 'string' && h['description'] !== ''
            ? shortenedText(h['description'], problems, at)
            : `The \`${String(h['name'])}\` header.`,
        example: headerText(example),
        required: h['required'] === true,
      };
    });
}

/** A header's example as the header carries it: OpenAPI's default `simple` style (a list as
 * `a,b`, an object as `key,value,key,value`). */
function headerText(example: unknown): string | undefined {
  if (example === undefined || example === null) return undefined;
  if (Array.isArray(example)) return example.map(String).join(',');
  if (typeof example === 'object') return Object.entries(example).flat().map(String).join(',');
  return String(example);
}

/** What the receiver is expected to answer, from the first operation's responses (a `$ref` followed). */
function responsesOf(document: Json, op: WebhookOperation | undefined, problems: ImportProblems): { status: string; description: string }[] {
  const responses = op?.operation['responses'];
  if (!isObject(responses)) return [];
  const found: { status: string; description: string }[] = [];
  for (const [status, raw] of Object.entries(responses)) {
    const response = resolveLocal(document, raw);
    if (!/^([1-5][0-9]{2}|[1-5]XX|default)$/.test(status) || !isObject(response)) continue;
    const at = `${op!.at}/responses${pointer(status)}`;
    if (typeof response['description'] !== 'string' || response['description'] === '')
      problems.warn('HI101', at, `the response \`${status}\` has no description (or its \`$ref\` resolves to nothing): described by its status`);
    const description = typeof response['description'] === 'string' && response['description'] !== '' ? response['description'] : status;
    found.push({ status, description: shortenedText(description, problems, `${at}/description`) });
  }
  return found;
}
