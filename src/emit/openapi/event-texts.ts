/**
 * What the OpenAPI document holds for one event, written: its webhook (a member of
 * `webhooks`) and its payload and delivery schemas (members of `components.schemas`). Kept per
 * event (see `json-schema/memo.ts`) while the catalog-wide inputs and the event's names stay the same.
 */
import type { Catalog, EventType } from '../../model/types.js';
import { payloadSchemaBody } from '../json-schema/catalog-schemas.js';
import { envelopeProperties, eventSchemaBody, type EnvelopeProperties } from '../json-schema/event-schema.js';
import { contextToken, EventMemo } from '../json-schema/memo.js';
import { localizeSchema, type SchemaPlace } from '../json-schema/rewrite-schema.js';
import { componentRef } from './component-names.js';
import { writtenMember, type WrittenMember } from './document-text.js';
import { webhookPathItem, type WebhookContext } from './webhook-operation.js';

/** Depth of the `webhooks` mapping and of `components.schemas`. */
const WEBHOOKS_DEPTH = 1;
const SCHEMAS_DEPTH = 2;

/** The names the document gives one event. */
export interface EventNames {
  readonly operationId: string;
  readonly tag: string;
  /** Component names of its payload and delivery schemas. */
  readonly payload: string;
  readonly event: string;
}

export interface EventOpenApiTexts {
  readonly webhook: WrittenMember;
  readonly payload: WrittenMember;
  readonly event: WrittenMember;
}

/** What the texts of every event of one emit share. */
export interface OpenApiTextContext {
  readonly catalog: Catalog;
  readonly token: object;
  readonly webhook: WebhookContext;
  /** Where a component schema named `name` stands. */
  readonly placeOf: (name: string) => SchemaPlace;
  envelope: EnvelopeProperties | undefined;
}

const memo = new EventMemo<EventOpenApiTexts>();

/** The context of one emit; `sharedNames` are the component names of the shared schemas. */
export function openApiTextContext(
  catalog: Catalog,
  sharedNames: readonly string[],
  webhook: WebhookContext,
  placeOf: (name: string) => SchemaPlace,
): OpenApiTextContext {
  const { id, sourceLocale, locales, envelope, schemas } = catalog;
  return { catalog, token: contextToken({ id, sourceLocale, locales, envelope, schemas, sharedNames }), webhook, placeOf, envelope: undefined };
}

/** The texts of `event` under `names`, made once per event, context and names. */
export function eventOpenApiTexts(event: EventType, names: EventNames, context: OpenApiTextContext): EventOpenApiTexts {
  const detail = [names.operationId, names.tag, names.payload, names.event];
  return memo.get(event, context.token, () => makeTexts(event, names, context), detail);
}

function makeTexts(event: EventType, names: EventNames, context: OpenApiTextContext): EventOpenApiTexts {
  const { catalog, placeOf } = context;
  const envelope = (context.envelope ??= envelopeProperties(catalog));
  const item = webhookPathItem(catalog, event, { operationId: names.operationId, tag: names.tag, schemaRef: componentRef(names.event) }, context.webhook);
  const payload = payloadSchemaBody(event, placeOf(names.payload), localizeSchema(event.payload, catalog.sourceLocale));
  const delivery = eventSchemaBody(catalog, event, componentRef(names.payload), placeOf(names.event), envelope);
  return {
    webhook: writtenMember(event.key, item, WEBHOOKS_DEPTH),
    payload: writtenMember(names.payload, payload, SCHEMAS_DEPTH),
    event: writtenMember(names.event, delivery, SCHEMAS_DEPTH),
  };
}
