/**
 * Every pattern of a schema (`pattern`, the names under `patternProperties`; `propertyNames`
 * holds a schema, walked like any other) runs on RE2 (see linear-regexp.ts): a pattern that
 * needs a backtracking engine (lookahead, lookbehind, backreferences) is refused, since RE2 could
 * not check examples against it, and a receiver's backtracking engine may hang on it. A pattern
 * JavaScript refuses (with the `u` flag) is an invalid schema (HC310).
 */
import type { Diagnostic } from '../../diagnostics.js';
import { javaScriptRefusal, type LinearPatterns } from '../linear-regexp.js';
import { diagnosticAt } from '../positions.js';
import { isObject, walkSchema } from '../schema-walk.js';
import type { DataPath } from '../source-file.js';
import type { Check } from './check.js';
import { schemasInCatalog } from './schemas-in-catalog.js';

export const checkPatterns: Check = (source, memory) =>
  memory.once(source, 'checkPatterns', () => {
    const diagnostics: Diagnostic[] = [];
    for (const { value, file, path } of schemasInCatalog(source)) {
      walkSchema(value, path, (schema, at) => {
        const report = (pattern: string, where: DataPath, target: 'key' | 'value'): void => {
          const shown = pattern.length > 60 ? `${pattern.slice(0, 57)}...` : pattern;
          const invalid = javaScriptRefusal(pattern);
          if (invalid !== undefined) {
            diagnostics.push(
              diagnosticAt(
                file,
                where,
                'HC310',
                'error',
                `invalid JSON Schema: the pattern \`${shown}\` is no regular expression JavaScript reads with the \`u\` flag, as receivers and validators do (${invalid})`,
                'escape only what needs it (`\\{`, `\\(`; not `\\-` or `\\:` outside brackets), and close every group and bracket',
                target,
              ),
            );
            return;
          }
          const refused = refusal(pattern, memory.patterns);
          if (refused === undefined) return;
          diagnostics.push(
            diagnosticAt(
              file,
              where,
              'HC319',
              'error',
              `the pattern \`${shown}\` needs a backtracking engine (${refused}); hookcat checks patterns in linear time`,
              'write it without lookahead, lookbehind or backreferences',
              target,
            ),
          );
        };
        if (typeof schema['pattern'] === 'string') report(schema['pattern'], at('pattern'), 'value');
        const patterns = schema['patternProperties'];
        if (isObject(patterns)) for (const name of Object.keys(patterns)) report(name, at('patternProperties', name), 'key');
      });
    }
    return diagnostics;
  });

/** Why RE2 refuses a pattern that JavaScript accepts; undefined when it runs it. */
function refusal(pattern: string, patterns: LinearPatterns): string | undefined {
  const compiled = patterns.compile(pattern);
  return 'refused' in compiled ? inPlainWords(compiled.refused.replace(/^error parsing regexp: /, '')) : undefined;
}

/** RE2 reads a lookbehind `(?<=` or `(?<!` as a broken named group; say what it is. */
function inPlainWords(reason: string): string {
  const lookbehind = /^invalid named capture: `(\(\?<[=!])/.exec(reason);
  return lookbehind === null ? reason : `lookbehind: \`${lookbehind[1]}\``;
}
