/**
 * The envelope's HTTP headers (and the signature header) as OpenAPI header parameters
 * (§4.8.12, `in: header`), kept once under `components.parameters` and referenced by every
 * webhook operation.
 */
import { signatureAlgorithmName, signatureHeaderOf, signatureHeadersOf } from '../../model/signature-headers.js';
import type { Catalog } from '../../model/types.js';
import { setOwn, type JsonObject } from '../json-schema/json-object.js';
import { annotationsOf } from '../json-schema/translations.js';
import { pascalCase, uniqueNamer } from './naming.js';

/** Every header a delivery carries: the catalog's, in its order, then those the signature scheme
 * adds that the catalog does not list (the signature header last). */
export function deliveryHeaderParameters(catalog: Catalog): { components: JsonObject; refs: JsonObject[] } {
  const { headers, signature } = catalog.envelope;
  const signatureHeader = signature === undefined ? undefined : signatureHeaderOf(signature).toLowerCase();
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
  for (const name of signature === undefined ? [] : signatureHeadersOf(signature)) {
    if (alreadyListed(name)) continue;
    const parameter: JsonObject = { name, in: 'header', required: true };
    if (name.toLowerCase() === signatureHeader) Object.assign(parameter, annotationsOf(catalog, { description: signature?.description }));
    parameter['schema'] = { type: 'string' };
    parameters.push(parameter);
  }
  // The signature header names its algorithm, whether the catalog lists it or the scheme adds it.
  for (const parameter of parameters) {
    if (signature !== undefined && String(parameter['name']).toLowerCase() === signatureHeader)
      parameter['x-signature-algorithm'] = signatureAlgorithmName(signature);
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
