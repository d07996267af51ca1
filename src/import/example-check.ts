/**
 * Examples an import carries over are checked as the loader checks them (ajv with RE2
 * patterns, formats checked): one that does not match its payload schema would be a catalog
 * error (HC306), so it is left out with a problem (HI106) naming where it came from.
 */
import { describeError } from '../catalog/checks/ajv-messages.js';
import { payloadValidator } from '../catalog/checks/payload-validators.js';
import { absolutizeRefs, CHECK_BASE, normalizePayloadSchema } from '../catalog/payload-schema.js';
import type { ImportedCatalog } from './imported.js';
import type { ImportProblems } from './problems.js';

/** `catalog` without the examples that do not match their payload. */
export function checkExamples(catalog: ImportedCatalog, problems: ImportProblems): ImportedCatalog {
  if (!catalog.events.some((event) => event.examples.length > 0)) return catalog;
  const annotations = new Set(catalog.annotations);
  const prepare = (schema: unknown): unknown => absolutizeRefs(normalizePayloadSchema(schema, 'en', annotations));
  const ajv = payloadValidator();
  for (const [name, schema] of catalog.schemas) {
    const prepared = prepare(schema);
    ajv.addSchema(typeof prepared === 'object' && prepared !== null ? { ...prepared, $id: CHECK_BASE + name } : { $id: CHECK_BASE + name, allOf: [prepared] });
  }
  const events = catalog.events.map((event) => {
    if (event.examples.length === 0) return event;
    let validate: ReturnType<typeof ajv.compile>;
    try {
      validate = ajv.compile(prepare(event.payload) as object);
    } catch (error) {
      problems.warn(
        'HI106',
        event.source,
        `the payload schema of \`${event.key}\` cannot be compiled (${error instanceof Error ? error.message : String(error)}): its examples are left out`,
      );
      return { ...event, examples: [] };
    }
    const examples = event.examples.filter((example) => {
      if (validate(example.payload)) return true;
      const why = (validate.errors ?? []).slice(0, 2).map(describeError).join('; ');
      problems.warn('HI106', event.source, `example \`${example.name}\` of \`${event.key}\` does not match its payload schema (${why}): left out`);
      return false;
    });
    return { ...event, examples };
  });
  return { ...catalog, events };
}
