/**
 * Payload schemas are valid JSON Schema, and every example matches its event's payload.
 *
 * What is found for one event is kept for the next load (see memo.ts) when it does not depend
 * on ajv's state: the meta-schema check of a payload without `$schema` (by source locale), and
 * whether the examples pass the fast path (by source locale and the shared schemas' content).
 * Events that need ajv's compiler are checked again on every load, in catalog order, as before:
 * a compiled schema can change what the next compile sees.
 */
import type { Diagnostic } from '../../diagnostics.js';
import type { Check } from './check.js';
import { ExampleRun } from './example-run.js';
import { eventKeys } from './memo.js';
import { checkRefCycles } from './ref-cycles.js';
import { checkUnicodeText } from './unicode-text.js';
import { schemasInCatalog } from './schemas-in-catalog.js';

export { payloadValidator } from './payload-validators.js';

export const checkExamples: Check = (source, memory) => {
  const metadata = source.metadata?.value;
  if (metadata === undefined) return [];
  /** Per event: what the meta-schema check found in its payload schema. */
  const payloadChecked = memory.memo<readonly Diagnostic[]>('payload-schema');
  /** Per event: whether its examples need ajv (false: they pass the fast path, or the payload
   * refers to a missing shared schema). */
  const needsAjv = memory.memo<boolean>('needs-ajv');
  const eventKey = eventKeys(source);
  const run = new ExampleRun(metadata.sourceLocale, source.folder, memory);
  const diagnostics: Diagnostic[] = [];
  for (const located of schemasInCatalog(source)) {
    const event = located.event;
    if (event === undefined || run.dependsOnAjv(event)) {
      diagnostics.push(...run.schemaProblems(located));
      continue;
    }
    const key = eventKey(event);
    diagnostics.push(...(payloadChecked.find(key, run.sourceLocale) ?? payloadChecked.keep(key, run.sourceLocale, run.schemaProblems(located))));
  }
  if (diagnostics.length > 0 || !source.complete) return diagnostics;
  // A schema applied to its own value again would make ajv recurse until the stack overflows,
  // and half a surrogate pair in a name makes ajv fail on a malformed URI; both are reported already.
  if (checkRefCycles(source, memory).length > 0 || checkUnicodeText(source, memory).length > 0) return diagnostics;
  const context = run.share(source.schemas);
  for (const located of source.events) {
    const key = context === undefined ? undefined : eventKey(located.value);
    const slow = needsAjv.get(key, context ?? '', () => !run.passesFastPath(located));
    if (slow) diagnostics.push(...run.exampleProblems(located));
  }
  return diagnostics;
};
