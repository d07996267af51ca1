/** Validated catalog source -> the resolved, immutable `Catalog` model. */
import { deliveryName } from '../catalog/delivered-as.js';
import { inCatalogOrder } from '../catalog/event-order.js';
import { pathParameterNames } from '../catalog/path-parameters.js';
import { annotationSet, NormalizedPayloads, normalizePayloadSchema } from '../catalog/payload-schema.js';
import { positionOf } from '../catalog/positions.js';
import type { CatalogSource, Located, RawEnvelope, RawEvent, RawSubscriptions, RawText } from '../catalog/source.js';
import { packageInfo } from './package-info.js';
import { buildSignatureScheme } from './signature.js';
import { resolveText, textLocales } from './text.js';
import type { Batch, Catalog, Category, Envelope, EventType, JsonSchema, Localized, SubscriptionApi, SubscriptionOperationName } from './types.js';
const ALL_OPERATIONS: readonly SubscriptionOperationName[] = ['list', 'create', 'get', 'update', 'delete', 'test'];
/**
 * Events built by earlier builds, by their raw object (a run context holds one). A file whose
 * text did not change gives the very same raw objects again (the loader keeps parsed files), so
 * regenerating after an edit builds only the events of the edited file, and the others keep
 * their identity, which lets a later stage recognise them. An event depends only on its raw
 * object (and its file and place, which the object implies) and on the catalog's locales,
 * hence the context key. Payload schemas are normalized once, shared with the example check.
 */
export class ModelMemory {
  private built: { readonly context: string; readonly events: WeakMap<object, EventType> } | undefined;

  constructor(readonly payloads = new NormalizedPayloads()) {}

  /** The events built under `context` (the locales); a new context starts afresh. */
  events(context: string): WeakMap<object, EventType> {
    if (this.built?.context !== context) this.built = { context, events: new WeakMap() };
    return this.built.events;
  }
}

/** Builds the model. Call only when validation found no errors. `memory` is what earlier
 * builds of the same run context made; by default nothing is reused. */
export function buildModel(source: CatalogSource, memory = new ModelMemory()): Catalog {
  const metadata = source.metadata;
  if (metadata === undefined) throw new Error('buildModel called on a catalog without metadata');
  const m = metadata.value;
  const locales = [m.sourceLocale, ...m.locales.filter((l) => l !== m.sourceLocale)];
  const chains = textLocales(locales, m.sourceLocale, m.fallbackLocale);
  const text = (value: RawText): Localized => resolveText(value, chains);
  const optionalText = (value: RawText | undefined): Localized | undefined => (value === undefined ? undefined : text(value));
  const emptyText = (value: RawText | undefined): Localized => text(value ?? '');
  const annotations = annotationSet(m.annotations);
  const schema = (value: unknown): JsonSchema => normalizePayloadSchema(value, m.sourceLocale, annotations) as JsonSchema;

  const categories: Category[] = source.categories.map(({ value: c }) => ({
    id: c.id,
    title: text(c.title),
    description: text(c.description),
    groups: (c.groups ?? []).map((g) => ({ id: g.id, title: text(g.title), description: emptyText(g.description) })),
  }));
  const envelopeSource = source.envelope?.value ?? {};
  // An event's delivery name depends on the envelope's shape and action field too.
  const built = memory.events(
    `${locales.join(',')}|${m.sourceLocale}|${m.fallbackLocale ?? ''}|${JSON.stringify([envelopeSource.shape, envelopeSource.actionField, envelopeSource.batch?.item, m.annotations])}`,
  );
  const event = (located: Located<RawEvent>): EventType => {
    const known = built.get(located.value);
    if (known !== undefined) return known;
    const made = makeEvent(located);
    built.set(located.value, made);
    return made;
  };
  const makeEvent = ({ value: e, file, path }: Located<RawEvent>): EventType => {
    const deprecation = e.deprecated === true ? {} : e.deprecated === false ? undefined : e.deprecated;
    const { line, column } = positionOf(file, path);
    return {
      key: e.key,
      category: e.category,
      group: e.group,
      title: text(e.title),
      description: text(e.description),
      // The example check normalized it already; the result is shared (and frozen here).
      payload: memory.payloads.get(e.payload, m.sourceLocale, annotations) as JsonSchema,
      examples: (e.examples ?? []).map((x, i) => ({ name: x.name ?? `example-${i + 1}`, summary: optionalText(x.summary), payload: x.payload as JsonSchema })),
      since: e.since,
      deprecated: deprecation && { since: deprecation.since, reason: optionalText(deprecation.reason), replacement: deprecation.replacement },
      tags: e.tags ?? [],
      deliveredAs: deliveryName(e, envelopeSource),
      source: { file: file.relativePath, line, column },
    };
  };
  const envelope = buildEnvelope(source, text, emptyText, schema);
  const catalog: Catalog = {
    id: m.id,
    version: m.version,
    title: text(m.title),
    description: emptyText(m.description),
    locales,
    sourceLocale: m.sourceLocale,
    ...(m.fallbackLocale === undefined ? {} : { fallbackLocale: m.fallbackLocale }),
    docsUrl: m.docsUrl?.replace(/\/+$/, ''),
    categories,
    events: inCatalogOrder(source.events.map(event), (e) => e, categories),
    schemas: source.schemas.map((s) => ({ name: s.name, title: undefined, description: undefined, schema: schema(s.value) })),
    envelope,
    subscriptions: source.subscriptions && buildSubscriptions(source.subscriptions.value, text, emptyText, schema),
    package: packageInfo(m),
    versions: (m.versions ?? []).map((v) => ({
      version: v.version,
      date: v.date,
      notes: optionalText(v.notes),
      changes: (v.changes ?? []).map((c) => ({ level: c.level, rule: c.rule, subject: c.subject, path: c.path ?? '', message: c.message })),
    })),
  };
  return deepFreeze(catalog);
}

type TextFn = (value: RawText) => Localized;
type OptionalTextFn = (value: RawText | undefined) => Localized;
type SchemaFn = (value: unknown) => JsonSchema;

function buildEnvelope(source: CatalogSource, text: TextFn, emptyText: OptionalTextFn, schema: SchemaFn): Envelope {
  const e = source.envelope?.value ?? {};
  const properties: Record<string, JsonSchema> = {};
  for (const [name, value] of Object.entries(e.properties ?? {})) Object.defineProperty(properties, name, { value: schema(value), enumerable: true });
  const shape = e.shape ?? 'envelope';
  return {
    shape,
    typeField: e.typeField ?? 'type',
    dataField: e.dataField === null ? undefined : (e.dataField ?? 'data'),
    typeHeader: e.typeHeader,
    actionField: e.actionField,
    batch: shape === 'batch' ? buildBatch(e.batch ?? {}, emptyText, schema) : undefined,
    properties,
    required: e.required ?? [],
    description: emptyText(e.description),
    headers: (e.headers ?? []).map((h) => ({ name: h.name, required: h.required ?? true, description: text(h.description), example: h.example })),
    signature: e.signature && buildSignatureScheme(e.signature, emptyText),
    responses: (e.responses ?? []).map((r) => ({ status: r.status, description: text(r.description) })),
    retries: e.retries === undefined ? undefined : text(e.retries),
  };
}

function buildBatch(b: NonNullable<RawEnvelope['batch']>, emptyText: OptionalTextFn, schema: SchemaFn): Batch {
  const properties: Record<string, JsonSchema> = {};
  for (const [name, value] of Object.entries(b.properties ?? {})) Object.defineProperty(properties, name, { value: schema(value), enumerable: true });
  return { field: b.field, item: b.item ?? 'envelope', description: emptyText(b.description), properties, required: b.required ?? [] };
}

function buildSubscriptions(s: RawSubscriptions, text: TextFn, emptyText: OptionalTextFn, schema: SchemaFn): SubscriptionApi {
  const operations: NonNullable<RawSubscriptions['operations']> = s.operations ?? ALL_OPERATIONS.map((name) => ({ name }));
  const declared = new Map((s.pathParameters ?? []).map((p) => [p.name, p]));
  const idField = s.idField ?? 'id';
  return {
    title: text(s.title),
    description: text(s.description),
    path: s.path,
    // In the order of the path; the check (HC342) makes sure each is declared once.
    pathParameters: pathParameterNames(s.path).flatMap((name) => {
      const p = declared.get(name);
      return p === undefined ? [] : [{ name, description: text(p.description), schema: schema(p.schema ?? { type: 'string' }) }];
    }),
    idField,
    idParameter: s.idParameter ?? idField,
    idSchema: schema(s.idSchema ?? { type: 'string' }),
    eventsField: s.eventsField ?? 'events',
    wildcards: { all: s.wildcards?.all ?? false, families: s.wildcards?.families ?? 'none' },
    targets: s.targets ?? ['url'],
    operations: operations.map((o) => ({ name: o.name as SubscriptionOperationName, summary: emptyText(o.summary), description: emptyText(o.description) })),
    secret: s.secret && {
      description: text(s.secret.description),
      generatedBy: s.secret.generatedBy ?? 'user',
      required: s.secret.required ?? true,
      returned: s.secret.returned ?? 'always',
      minLength: s.secret.minLength,
    },
    fields: (s.fields ?? []).map((f) => ({
      name: f.name,
      required: f.required ?? false,
      schema: schema(f.schema),
      title: text(f.title),
      description: emptyText(f.description),
    })),
  };
}

function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value;
  Object.freeze(value);
  if (Array.isArray(value)) for (const item of value) deepFreeze(item);
  else for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  return value;
}
