/**
 * The OpenAPI emitter: `<catalog-id>/openapi.yaml` and `<catalog-id>/openapi.json`, the same
 * OpenAPI 3.1.0 fragment (webhooks, subscription-management paths, components) that a
 * provider can merge into its own API description.
 */
import type { Catalog } from '../model/types.js';
import { inCommonMark } from './description/index.js';
import type { Emitter, OutputFile } from './emitter.js';
import { generatedStamp } from './json-schema/stamp.js';
import { openApiDocument } from './openapi/document.js';
import { jsonText } from './json-schema/json-object.js';
import { yamlText } from './openapi/yaml-text.js';

/** Both files of `catalog`'s OpenAPI fragment: YAML first, then JSON, each written when asked
 * for (at 10,000 events each is about 100 MB of text, which need not exist at once). */
function* eachOpenApiFile(catalog: Catalog): Generator<OutputFile> {
  const document = openApiDocument(catalog);
  yield { path: `${catalog.id}/openapi.yaml`, contents: yamlText(document, generatedStamp(catalog)) };
  yield { path: `${catalog.id}/openapi.json`, contents: jsonText(document) };
}

/** Both files of `catalog`'s OpenAPI fragment: YAML first, then JSON. */
export function emitOpenApi(catalog: Catalog): OutputFile[] {
  return [...eachOpenApiFile(catalog)];
}

/** `--only openapi`: the OpenAPI 3.1 fragment of a catalog, as YAML and JSON. */
export const openApiEmitter: Emitter = {
  name: 'openapi',
  emit: (catalog, options) => emitOpenApi(inCommonMark(catalog, options.descriptions)),
  emitEach: (catalog, options) => eachOpenApiFile(inCommonMark(catalog, options.descriptions)),
};
