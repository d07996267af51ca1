/**
 * Payload schemas are valid JSON Schema (ajv's meta-schema check), and every example matches
 * its event's payload (ajv's compiled validator, see payload-validators.ts).
 *
 * What is found for one event is kept for the next load (see memo.ts): the meta-schema check of
 * a payload (by source locale and declared annotations), and the verdict on its examples (by
 * those and the shared schemas' content). A verdict without problems is also kept for the next
 * process (`kept`): a schema found valid, and examples found to match.
 */
import type { Diagnostic } from '../../diagnostics.js';
import type { Check } from './check.js';
import { annotationSet } from '../payload-schema.js';
import { ExampleRun } from './example-run.js';
import { contentKey, eventKeys } from './memo.js';
import type { KeptRecords } from '../kept-records.js';
import type { Located, RawEvent } from '../source.js';
import { checkPatterns } from './patterns.js';
import { checkRefCycles } from './ref-cycles.js';
import { checkRefDepth } from './ref-depth.js';
import { checkSchemaFanOut } from './schema-fan-out.js';
import { checkUnicodeText } from './unicode-text.js';
import { type LocatedSchema, schemasInCatalog } from './schemas-in-catalog.js';

export const checkExamples: Check = (source, memory, kept) => {
  const metadata = source.metadata?.value;
  if (metadata === undefined) return [];
  /** Per event: what the meta-schema check found in its payload schema. */
  const payloadChecked = memory.memo<readonly Diagnostic[]>('payload-schema');
  /** Per event: what ajv found in its examples, by the shared schemas and source locale. */
  const examplesChecked = memory.memo<readonly Diagnostic[]>('examples');
  const eventKey = eventKeys(source);
  const run = new ExampleRun(metadata.sourceLocale, annotationSet(metadata.annotations), source.folder, memory);
  const diagnostics: Diagnostic[] = [];
  for (const located of schemasInCatalog(source)) {
    const event = located.event;
    const check = (): readonly Diagnostic[] =>
      passedBefore(
        kept,
        () => schemaPassedKey(run.reading, located),
        () => run.schemaProblems(located),
      );
    if (event === undefined) {
      diagnostics.push(...check());
      continue;
    }
    const key = eventKey(event);
    diagnostics.push(...(payloadChecked.find(key, run.reading) ?? payloadChecked.keep(key, run.reading, check())));
  }
  if (diagnostics.length > 0 || !source.complete) return diagnostics;
  // A schema applied to its own value again, or a chain of references too deep, would make ajv
  // recurse until the stack overflows; schemas that apply others many times over would make it
  // run for minutes; half a surrogate pair in a name makes ajv fail on a malformed URI; a
  // pattern RE2 refuses cannot be compiled: each is reported already.
  if (
    checkRefCycles(source, memory).length > 0 ||
    checkUnicodeText(source, memory).length > 0 ||
    checkPatterns(source, memory).length > 0 ||
    checkRefDepth(source, memory).length > 0 ||
    checkSchemaFanOut(source, memory).length > 0
  )
    return diagnostics;
  const context = run.share(source.schemas);
  for (const located of source.events) {
    const key = context === undefined ? undefined : eventKey(located.value);
    const passedKey = (): string | undefined => examplesPassedKey(context, located);
    diagnostics.push(...examplesChecked.get(key, context ?? '', () => passedBefore(kept, passedKey, () => run.exampleProblems(located))));
  }
  return diagnostics;
};

/**
 * A check's problems, unless an earlier process found that it passed: a verdict without problems
 * has no position to go stale, so it stands for the same content under the same `key` (made of
 * everything the verdict depends on, made only with records), wherever that content now is.
 * No key (content too deep to spell out), no record.
 */
function passedBefore(kept: KeptRecords | undefined, keyOf: () => string | undefined, check: () => readonly Diagnostic[]): readonly Diagnostic[] {
  const key = kept === undefined ? undefined : keyOf();
  if (kept === undefined || key === undefined) return check();
  if (kept.find(key) !== undefined) return [];
  const problems = check();
  if (problems.length === 0) kept.keep(key, '');
  return problems;
}

/** The examples of an event match its payload: by the event's content, the shared schemas and the reading (`context`). */
function examplesPassedKey(context: string | undefined, located: Located<RawEvent>): string | undefined {
  const content = context === undefined ? undefined : contentKey(located.value);
  return content === undefined ? undefined : `examples passed\0${context}\0${content}`;
}

/** A schema passes the meta-schema check: by its content, the reading (source locale,
 * annotations) and whether it is a payload (normalized as the model's) or another schema. */
function schemaPassedKey(reading: string, located: LocatedSchema): string | undefined {
  const content = contentKey(located.value);
  return content === undefined ? undefined : `schema passed\0${located.event === undefined ? 'schema' : 'payload'}\0${reading}\0${content}`;
}
