/**
 * Payload schemas are valid JSON Schema (ajv's meta-schema check), and every example matches
 * its event's payload (ajv's compiled validator, see payload-validators.ts).
 *
 * What is found for one event is kept for the next load (see memo.ts): the meta-schema check of
 * a payload (by source locale and declared annotations), and the verdict on its examples (by
 * those and the shared schemas' content).
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
import { schemasInCatalog } from './schemas-in-catalog.js';

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
    if (event === undefined) {
      diagnostics.push(...run.schemaProblems(located));
      continue;
    }
    const key = eventKey(event);
    diagnostics.push(...(payloadChecked.find(key, run.reading) ?? payloadChecked.keep(key, run.reading, run.schemaProblems(located))));
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
    diagnostics.push(...examplesChecked.get(key, context ?? '', () => problemsOrPassed(kept, context, located, () => run.exampleProblems(located))));
  }
  return diagnostics;
};

/**
 * The example check of one event, unless an earlier process found that it passed: a verdict
 * without problems has no position to go stale, so it stands for the same event content under
 * the same shared schemas and reading (`context`), wherever the event now is.
 */
function problemsOrPassed(
  kept: KeptRecords | undefined,
  context: string | undefined,
  located: Located<RawEvent>,
  check: () => readonly Diagnostic[],
): readonly Diagnostic[] {
  const content = kept === undefined || context === undefined ? undefined : contentKey(located.value);
  const key = content === undefined ? undefined : `examples passed\0${context}\0${content}`;
  if (key !== undefined && kept!.find(key) !== undefined) return [];
  const problems = check();
  if (key !== undefined && problems.length === 0) kept!.keep(key, '');
  return problems;
}
