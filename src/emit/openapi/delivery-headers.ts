/**
 * The envelope's HTTP headers (and the signature header) as OpenAPI header parameters
 * (§4.8.12, `in: header`), kept once under `components.parameters` and referenced by every
 * webhook operation.
 */
import type { Catalog } from '../../model/types.js';
import { setOwn, type JsonObject } from '../json-schema/json-object.js';
import { annotationsOf } from '../json-schema/translations.js';
import { pascalCase, uniqueNamer } from './naming.js';

/** Every header a delivery carries, in catalog order, the signature header last. */
export function deliveryHeaderParameters(catalog: Catalog): { components: JsonObject; refs: JsonObject[] } {
  const { headers, signature } = catalog.envelope;
  const parameters = headers.map((header): JsonObject => {
    const parameter: JsonObject = {
      name: header.name,
      in: 'header',
      required: header.required,
      ...annotationsOf(catalog, { description: header.description }),
      schema: { type: 'string' },
    };
    if (header.example !== undefined) parameter['example'] = header.example;
    return parameter;
  });
  const alreadyListed = (name: string): boolean => headers.some((h) => h.name.toLowerCase() === name.toLowerCase());
  if (signature !== undefined && !alreadyListed(signature.header)) {
    parameters.push({
      name: signature.header,
      in: 'header',
      required: true,
      ...annotationsOf(catalog, { description: signature.description }),
      schema: { type: 'string' },
      'x-signature-algorithm': signature.algorithm,
    });
  }
  const unique = uniqueNamer();
  const components: JsonObject = {};
  const refs = parameters.map((parameter) => {
    const name = unique(pascalCase(String(parameter['name'])) || 'Header');
    setOwn(components, name, parameter);
    return { $ref: `#/components/parameters/${name}` };
  });
  return { components, refs };
}
