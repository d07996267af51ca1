/** `$ref`s point at shared schemas of the catalog; nothing remote or outside is ever fetched. */
import type { Diagnostic } from '../../diagnostics.js';
import { SHARED_SCHEMA_PREFIX } from '../../model/query.js';
import type { Check } from './check.js';
import { diagnosticAt } from '../positions.js';
import { KNOWN_KEYWORDS, walkSchema } from '../schema-walk.js';
import { schemasInCatalog } from './schemas-in-catalog.js';

export const checkRefs: Check = (source) => {
  const diagnostics: Diagnostic[] = [];
  const names = new Set(source.schemas.map((s) => s.name));
  for (const { value, file, path } of schemasInCatalog(source)) {
    walkSchema(value, path, (schema, at) => {
      for (const keyword of Object.keys(schema)) {
        if (!KNOWN_KEYWORDS.has(keyword) && !keyword.startsWith('x-')) {
          diagnostics.push(diagnosticAt(file, [...at, keyword], 'HC310', 'warning', `\`${keyword}\` is not a JSON Schema keyword, tools will ignore it`, 'fix the spelling, or prefix a custom annotation with `x-`', 'key'));
        }
      }
      const ref = schema['$ref'];
      if (ref === undefined) return;
      const refPath = [...at, '$ref'];
      if (typeof ref !== 'string') {
        diagnostics.push(diagnosticAt(file, refPath, 'HC303', 'error', '`$ref` must be a string', `write \`$ref: '${SHARED_SCHEMA_PREFIX}Name'\``));
      } else if (/^[a-z][a-z0-9+.-]*:/i.test(ref)) {
        diagnostics.push(diagnosticAt(file, refPath, 'HC304', 'error', `\`${ref}\` is a remote reference; hookcat never fetches anything`, `copy the schema under \`schemas:\` and refer to it as \`${SHARED_SCHEMA_PREFIX}Name\``));
      } else if (!ref.startsWith('#')) {
        diagnostics.push(diagnosticAt(file, refPath, 'HC304', 'error', `\`${ref}\` refers to a file; catalog schemas refer only to shared schemas of the same catalog`, `move the schema under \`schemas:\` and refer to it as \`${SHARED_SCHEMA_PREFIX}Name\``));
      } else if (!ref.startsWith(SHARED_SCHEMA_PREFIX) || ref.slice(SHARED_SCHEMA_PREFIX.length).includes('/')) {
        diagnostics.push(diagnosticAt(file, refPath, 'HC303', 'error', `\`${ref}\` is not a reference to a shared schema`, `refer to shared schemas as \`${SHARED_SCHEMA_PREFIX}Name\``));
      } else if (source.complete && !names.has(ref.slice(SHARED_SCHEMA_PREFIX.length))) {
        const known = [...names].join(', ') || 'none';
        diagnostics.push(diagnosticAt(file, refPath, 'HC303', 'error', `\`${ref}\` does not resolve: no shared schema \`${ref.slice(SHARED_SCHEMA_PREFIX.length)}\``, `declare it under \`schemas:\` (declared: ${known})`));
      }
    });
  }
  return diagnostics;
};
