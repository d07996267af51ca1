/** `$ref`s point at shared schemas of the catalog; nothing remote or outside is ever fetched. */
import type { Diagnostic } from '../../diagnostics.js';
import { SHARED_SCHEMA_PREFIX } from '../../model/query.js';
import type { Check } from './check.js';
import { diagnosticAt } from '../positions.js';
import { isObject, KNOWN_KEYWORDS, walkSchema } from '../schema-walk.js';
import type { DataPath, SourceFile } from '../source-file.js';
import { schemasInCatalog } from './schemas-in-catalog.js';

/** Longest title or description in a payload schema, as for any catalog text (see schema.json). */
export const MAX_TEXT_LENGTH = 10_000;

function checkTextLength(file: SourceFile, path: DataPath, value: unknown): Diagnostic[] {
  const texts: [DataPath, unknown][] = isObject(value) ? Object.entries(value).map(([locale, text]) => [[...path, locale], text]) : [[path, value]];
  return texts
    .filter(([, text]) => typeof text === 'string' && text.length > MAX_TEXT_LENGTH)
    .map(([at, text]) => diagnosticAt(file, at, 'HC203', 'error', `this text is ${(text as string).length} characters long, more than ${MAX_TEXT_LENGTH}`, `shorten it to at most ${MAX_TEXT_LENGTH} characters`));
}

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
      for (const keyword of ['title', 'description']) diagnostics.push(...checkTextLength(file, [...at, keyword], schema[keyword]));
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
