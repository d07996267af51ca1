/**
 * Deterministic `components.schemas` names: the subscription resources first (so they keep
 * their plain names), then the batch body, then shared schemas in declaration order, then per event its payload
 * (`<Key>Payload`) and its delivery (`<Key>Event`). Collisions get a numeric suffix.
 */
import type { Catalog } from '../../model/types.js';
import { pascalCase, uniqueNamer } from './naming.js';

export interface ComponentNames {
  readonly shared: (name: string) => string;
  readonly payload: (eventKey: string) => string;
  readonly event: (eventKey: string) => string;
  /** The body of a batch delivery; undefined for the other shapes. */
  readonly batch: string | undefined;
  /** Undefined when the catalog has no subscription API. */
  readonly subscription: { readonly resource: string; readonly create: string; readonly update: string } | undefined;
}

/** Every component name the OpenAPI document of `catalog` uses. */
export function componentNames(catalog: Catalog): ComponentNames {
  const unique = uniqueNamer();
  const subscription =
    catalog.subscriptions === undefined
      ? undefined
      : { resource: unique('Subscription'), create: unique('SubscriptionCreate'), update: unique('SubscriptionUpdate') };
  const batch = catalog.envelope.shape === 'batch' ? unique('WebhookBatch') : undefined;
  const shared = new Map(catalog.schemas.map((s) => [s.name, unique(pascalCase(s.name) || 'Schema')]));
  const payload = new Map<string, string>();
  const event = new Map<string, string>();
  for (const e of catalog.events) {
    payload.set(e.key, unique(`${pascalCase(e.key)}Payload`));
    event.set(e.key, unique(`${pascalCase(e.key)}Event`));
  }
  const lookup =
    (map: Map<string, string>, kind: string) =>
    (key: string): string => {
      const name = map.get(key);
      if (name === undefined) throw new Error(`internal error: no component name for ${kind} ${key}`);
      return name;
    };
  return { shared: lookup(shared, 'shared schema'), payload: lookup(payload, 'payload'), event: lookup(event, 'event'), batch, subscription };
}

/** `#/components/schemas/<name>`. Component names are `[A-Za-z0-9]+`, so nothing needs escaping. */
export function componentRef(name: string): string {
  return `#/components/schemas/${name}`;
}
