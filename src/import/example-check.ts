/**
 * Examples an import carries over are checked as the loader checks them, with the loader's own
 * validators (ajv with RE2 patterns, formats checked, the shared schemas registered alike): one
 * that does not match its payload schema would be a catalog error (HC306), so it is left out with
 * a problem (HI106) naming where it came from. The validators are kept in `validators`: handed to
 * `hookcat generate` in the same process, they are not compiled again when it checks the catalog.
 */
import { describeError } from '../catalog/checks/ajv-messages.js';
import { prepareSharedSchema, sharedSchemasKey } from '../catalog/checks/example-run.js';
import { dataWithStandIns, schemaWithStandIns, withoutStandIns } from '../catalog/checks/proto-stand-in.js';
import { PayloadValidators } from '../catalog/checks/payload-validators.js';
import { LinearPatterns } from '../catalog/linear-regexp.js';
import { absolutizeRefs, CHECK_BASE, normalizePayloadSchema, readingKey } from '../catalog/payload-schema.js';
import type { ImportedCatalog } from './imported.js';
import type { ImportProblems } from './problems.js';

/** `catalog` without the examples that do not match their payload. */
export function checkExamples(catalog: ImportedCatalog, problems: ImportProblems, validators: PayloadValidators): ImportedCatalog {
  if (!catalog.events.some((event) => event.examples.length > 0)) return catalog;
  const annotations = new Set(catalog.annotations);
  const shared = [...catalog.schemas];
  validators.share(
    sharedSchemasKey(readingKey(SOURCE_LOCALE, annotations), shared),
    new Map(shared.map(([name, schema]) => [CHECK_BASE + name, prepareSharedSchema(schema, SOURCE_LOCALE, annotations)])),
  );
  const events = catalog.events.map((event) => {
    if (event.examples.length === 0) return event;
    // As the loader's check runs it: a property named `__proto__` under a stand-in name, in the
    // schemas (the shared ones are registered so) and in the examples.
    const validate = validators.validator(schemaWithStandIns(absolutizeRefs(normalizePayloadSchema(event.payload, SOURCE_LOCALE, annotations))));
    if (typeof validate !== 'function') {
      const why = validate ?? 'a `$ref` does not resolve';
      problems.warn('HI106', event.source, `the payload schema of \`${event.key}\` cannot be compiled (${why}): its examples are left out`);
      return { ...event, examples: [] };
    }
    const examples = event.examples.filter((example) => {
      if (validate(dataWithStandIns(example.payload))) return true;
      const why = withoutStandIns((validate.errors ?? []).slice(0, 2).map(describeError).join('; '));
      problems.warn('HI106', event.source, `example \`${example.name}\` of \`${event.key}\` does not match its payload schema (${why}): left out`);
      return false;
    });
    return { ...event, examples };
  });
  return { ...catalog, events };
}

/** Validators of their own, for an import whose catalog is not loaded next in the same process. */
export function freshValidators(): PayloadValidators {
  return new PayloadValidators(new LinearPatterns());
}

/** The locale an imported catalog is written in. */
const SOURCE_LOCALE = 'en';
