/**
 * The `components.schemas` names of a catalog's OpenAPI document, by the naming rule every output
 * shares (`src/names/output-names.ts`): the subscription resources first (so they keep their plain
 * names), then the batch body, then shared schemas in declaration order, then per event its
 * payload (`<Key>Payload`) and its delivery (`<Key>Event`). Validation reports a name that had to
 * get a numeric suffix (HC341).
 */
import { namingInput } from '../../model/query.js';
import type { Catalog } from '../../model/types.js';
import { componentNames as assignComponentNames, type SubscriptionComponents } from '../../names/output-names.js';

export interface ComponentNames {
  readonly shared: (name: string) => string;
  readonly payload: (eventKey: string) => string;
  readonly event: (eventKey: string) => string;
  /** The body of a batch delivery; undefined for the other shapes. */
  readonly batch: string | undefined;
  /** Undefined when the catalog has no subscription API. */
  readonly subscription: SubscriptionComponents | undefined;
}

/** Every component name the OpenAPI document of `catalog` uses. */
export function componentNames(catalog: Catalog): ComponentNames {
  const names = assignComponentNames(namingInput(catalog));
  const lookup =
    (map: ReadonlyMap<string, string>, kind: string) =>
    (key: string): string => {
      const name = map.get(key);
      if (name === undefined) throw new Error(`internal error: no component name for ${kind} ${key}`);
      return name;
    };
  return {
    shared: lookup(names.shared, 'shared schema'),
    payload: lookup(names.payloads, 'payload'),
    event: lookup(names.events, 'event'),
    batch: names.batch,
    subscription: names.subscription,
  };
}

/** `#/components/schemas/<name>`. Component names are `[A-Za-z0-9]+`, so nothing needs escaping. */
export function componentRef(name: string): string {
  return `#/components/schemas/${name}`;
}
