/**
 * The regular expression engine for patterns written in a catalog (`pattern`,
 * `patternProperties`, `propertyNames`): RE2 (the `re2js` port), which matches in time linear
 * in the text, so no pattern can make a check hang on a long example (`^(a+)+$` against
 * `aaaa…!` takes a backtracking engine exponential time). ajv takes it as `code.regExp`.
 * Patterns are written as JavaScript regular expressions and translated by re2js; RE2 has no
 * lookaround and no backreferences, and refuses them (see `checks/patterns.ts`).
 */
import type { RegExpEngine } from 'ajv/dist/types/index.js';
import { RE2JS } from 're2js';

/** `\k<name>` not itself escaped: a named backreference (JavaScript's `u` mode, which JSON Schema
 * patterns use, allows `\k` for nothing else). */
const NAMED_BACKREFERENCE = /(?:^|[^\\])(?:\\\\)*\\k</;

/** The pattern compiled by RE2, or the reason RE2 refuses it. re2js translates `\k<name>` to the
 * letters `k<name>` instead of refusing it, so it is refused here, in RE2's words. */
export function compileLinear(pattern: string): RE2JS | { refused: string } {
  if (NAMED_BACKREFERENCE.test(pattern)) return { refused: 'error parsing regexp: named backreference: `\\k<`' };
  try {
    return RE2JS.compile(RE2JS.translateRegExp(pattern));
  } catch (error) {
    return { refused: error instanceof Error ? error.message : String(error) };
  }
}

/** Why JavaScript refuses a pattern (with the `u` flag, as ajv and the runtime's validators
 * read it); undefined when it reads it. The meta-schema does not assert its `format: regex`, and
 * RE2 reads some patterns JavaScript refuses (`^{$`, `\:`): such a pattern made generate fail
 * inside (HC900) when it compiled the runtime's validators. */
export function javaScriptRefusal(pattern: string): string | undefined {
  try {
    new RegExp(pattern, 'u');
    return undefined;
  } catch (error) {
    return (error instanceof Error ? error.message : String(error)).replace(/^Invalid regular expression: \/.*\/u: /s, '');
  }
}

/** `compileLinear` once per pattern (a run context holds one): catalogs repeat their patterns. */
export class LinearPatterns {
  private readonly compiled = new Map<string, RE2JS | { refused: string }>();

  compile(pattern: string): RE2JS | { refused: string } {
    let known = this.compiled.get(pattern);
    if (known === undefined) this.compiled.set(pattern, (known = compileLinear(pattern)));
    return known;
  }

  /** `code.regExp` for ajv: every pattern of a schema compiled by RE2. */
  engine(): RegExpEngine {
    return Object.assign(
      (pattern: string): { test: (text: string) => boolean } => {
        const compiled = this.compile(pattern);
        if ('refused' in compiled) throw new Error(`the pattern ${JSON.stringify(pattern)} cannot run in linear time: ${compiled.refused}`);
        return compiled;
      },
      { code: 'linearRegExp' },
    );
  }
}

/** An engine of its own, for a single ajv instance (tools and tests). */
export function linearRegExp(): RegExpEngine {
  return new LinearPatterns().engine();
}
