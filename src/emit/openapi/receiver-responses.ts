/**
 * What a receiver may answer to a delivery (OpenAPI 3.1 §4.8.16 Responses), kept once under
 * `components.responses` and referenced by every webhook operation. A catalog that lists no
 * responses gets `2XX`: accepted.
 */
import type { Catalog } from '../../model/types.js';
import { setOwn, type JsonObject } from '../json-schema/json-object.js';
import { annotationsOf } from '../json-schema/translations.js';
import { uniqueNamer } from './naming.js';

/** Description of the default `2XX` response; OpenAPI requires one and the catalog gave none. */
const DEFAULT_ACCEPTED = 'Accepted';

/** `components` maps `Delivery<Status>` to a Response Object; `refs` maps each status to its `$ref`.
 * Note: JSON objects list numeric statuses (`410`) before `2XX` and `default`, whatever the catalog order. */
export function receiverResponses(catalog: Catalog): { components: JsonObject; refs: JsonObject } {
  const listed = catalog.envelope.responses.map((r) => ({
    status: r.status,
    response: { description: '', ...annotationsOf(catalog, { description: r.description }) },
  }));
  const responses = listed.length > 0 ? listed : [{ status: '2XX', response: { description: DEFAULT_ACCEPTED } }];
  const unique = uniqueNamer();
  const components: JsonObject = {};
  const refs: JsonObject = {};
  for (const { status, response } of responses) {
    const name = unique(`Delivery${status.charAt(0).toUpperCase()}${status.slice(1)}`);
    setOwn(components, name, response);
    setOwn(refs, status, { $ref: `#/components/responses/${name}` });
  }
  return { components, refs };
}
