/**
 * The fast way to read a catalog file: js-yaml, no node tree and no positions, about 8x faster
 * than `yaml` building a document with source ranges (issue 5: 2 MB in 0.2 s instead of 1.6 s).
 *
 * It is taken only when js-yaml and `yaml` (YAML 1.2 core schema, strict, unique keys, see
 * `parse.ts`) are known to give the same data and the same verdict: js-yaml runs with a schema
 * whose scalars resolve exactly as `yaml`'s core schema does, and any text using a construct
 * where the two could differ (anchors and aliases, which `yaml` bounds against alias bombs;
 * directives and document markers; explicit and collection keys; null keys; tabs and CRs;
 * `__proto__`; keys over 1024 characters; comments glued to a token) goes to the full parser,
 * as does anything js-yaml rejects or warns about and any top level that is not a mapping. The
 * full parser then reports exactly what it always reported. `test/catalog/fast-yaml.test.ts`
 * compares both parsers on the seeds, the fixtures and generated YAML.
 */
import { FAILSAFE_SCHEMA, load, Type } from 'js-yaml';

const NULL = /^(?:~|[Nn]ull|NULL)?$/;
const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const INT_OCT = /^0o[0-7]+$/;
const INT = /^[-+]?[0-9]+$/;
const INT_HEX = /^0x[0-9a-fA-F]+$/;
const FLOAT_NAN = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const FLOAT_EXP = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;

/** A plain scalar's value under the YAML 1.2 core schema, exactly as `yaml` 2 resolves it
 * (yaml/dist/schema/core: null, bool, int in base 8, 10 and 16, float, .inf and .nan). */
export function resolvePlainScalar(text: string): null | boolean | number | string {
  if (NULL.test(text)) return null;
  if (BOOL.test(text)) return text[0] === 't' || text[0] === 'T';
  if (INT_OCT.test(text)) return parseInt(text.slice(2), 8);
  if (INT.test(text)) return parseInt(text, 10);
  if (INT_HEX.test(text)) return parseInt(text.slice(2), 16);
  if (FLOAT_NAN.test(text)) return text.slice(-3).toLowerCase() === 'nan' ? NaN : text[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  if (FLOAT_EXP.test(text) || FLOAT.test(text)) return parseFloat(text);
  return text;
}

const scalarType = (tag: string, test: (text: string) => boolean): Type =>
  new Type(`tag:yaml.org,2002:${tag}`, {
    kind: 'scalar',
    resolve: (data: unknown) => (data === null ? tag === 'null' : typeof data === 'string' && test(data)),
    construct: (data: unknown) => (data === null ? null : resolvePlainScalar(data as string)),
  });

/** Whether a plain scalar starts like a number (`+`, `-`, `.` or a digit): most scalars are
 * words, and this spares them the number patterns. */
function startsLikeNumber(text: string): boolean {
  const c = text.charCodeAt(0);
  return (c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2d || c === 0x2e;
}

/** js-yaml's failsafe schema (str, seq, map) plus the core scalars resolved as `yaml` does. */
const CORE_AS_YAML = FAILSAFE_SCHEMA.extend({
  implicit: [
    scalarType('null', (t) => t.length <= 4 && NULL.test(t)),
    scalarType('bool', (t) => (t.length === 4 || t.length === 5) && BOOL.test(t)),
    scalarType('int', (t) => startsLikeNumber(t) && (INT_OCT.test(t) || INT.test(t) || INT_HEX.test(t))),
    scalarType('float', (t) => startsLikeNumber(t) && (FLOAT_NAN.test(t) || FLOAT_EXP.test(t) || FLOAT.test(t))),
  ],
});

/** Constructs where js-yaml and `yaml` could disagree, or where `yaml` must bound the work.
 * Written to over-match: text that only looks like one of them is merely read more slowly.
 * Each pattern runs only when the text holds its telltale characters; what is decided by
 * where a line starts is checked by `lineHazard`. */
const NEEDS_FULL_PARSER: readonly (readonly [telltales: string, pattern: RegExp])[] = [
  ['\t\r', /[\t\r]/], // tabs (strict indentation rules differ) and CR line ends
  ['&', /(?:^[ ]*|[:-][ ]*|[[{,][ ]*)&[^\s,[\]{}]/m], // anchors: aliases need `yaml`'s maxAliasCount
  ['!', /(?:^[ ]*|[:-][ ]*|[[{,][ ]*)!/m], // tags (`a: !` is '' for `yaml`, null for js-yaml)
  ['?', /[[{,][ ]*\?[ \n]/], // explicit keys in flow collections
  [']}', /[\]}][ ]*:(?:[ \n,\]}]|$)/m], // a flow collection as a key (`[a]: 1`, `[{a: 1}:, b]`)
  ['[{', /[{,](?:[ \n]|#[^\n]*\n)*[[{]/], // a flow collection as a key in a flow mapping (`{ {a: 1} }`)
  ['[{', /[[{,][ ]*(?:~|null|Null|NULL)?[ ]*:(?:[ \n,\]}]|$)/m], // null or empty keys in flow collections
  ['_', /__proto__/],
  ['#', /[|>][-+0-9]*#|[[{,]#/], // a comment glued to a block scalar header or flow indicator: an error only in strict mode
  ['|>', /[|>][-+0-9]{0,2}(?:[ ]+#[^\n]*)?[ ]*\n[ ]*\n/], // leading empty lines of a block scalar: their indentation rules differ
  ['|>', /[|>][-+]?[1-9]/], // an explicit indentation indicator (`|2-`): whitespace lines are kept differently
];

const HASH = 0x23;
const SPACE = 0x20;
const DASH = 0x2d;
const COLON = 0x3a;
const DOT = 0x2e;
const isSpace = (code: number): boolean => code === SPACE || code === 0x0a;
/** After an indicator: a space or the end of the line. */
const endsToken = (text: string, at: number, end: number): boolean => at >= end || text.charCodeAt(at) === SPACE;

/** `yaml` (strict) rejects implicit keys over 1024 characters; js-yaml has no such limit. */
const LONGEST_LINE = 1024;
const NULL_WORDS = ['~', 'null', 'Null', 'NULL'];

/**
 * Line by line: directives and document markers (`%YAML 1.1` changes the schema), lines over
 * 1024 characters, explicit keys (`? a`), null or empty keys (`null: a`, `: a`, which `yaml`
 * names '' and js-yaml 'null'), lines of spaces only, empty list items (js-yaml can nest what follows wrongly:
 * `- - x\n  -\n- y`), and a comment line less indented than the value after it
 * (`x:\n#c\n  true`, an error for `yaml`).
 */
function lineHazard(text: string): boolean {
  let start = 0;
  let awaitingValue = false;
  let commentIndent = Number.POSITIVE_INFINITY;
  const hashFrom = nextFinder(text, '#');
  while (start < text.length) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    if (end - start > LONGEST_LINE) return true;
    const first = text.charCodeAt(start);
    if (first === 0x25 || ((first === DASH || first === DOT) && (text.startsWith('---', start) || text.startsWith('...', start)))) return true;
    let i = start;
    while (i < end && text.charCodeAt(i) === SPACE) i++;
    const indent = i - start;
    if (i === end && indent > 0) return true; // a line of spaces only: block scalars keep such lines differently
    if (i < end && text.charCodeAt(i) === HASH) {
      if (awaitingValue) commentIndent = Math.min(commentIndent, indent);
    } else if (i < end) {
      if (awaitingValue && indent > commentIndent) return true;
      while (text.charCodeAt(i) === DASH && endsToken(text, i + 1, end)) {
        i++;
        while (i < end && text.charCodeAt(i) === SPACE) i++;
        if (i >= end || text.charCodeAt(i) === HASH) return true;
      }
      const c = text.charCodeAt(i);
      if ((c === 0x3f || c === COLON) && endsToken(text, i + 1, end)) return true;
      if ((c === 0x7e || c === 0x6e || c === 0x4e) && startsWithNullKey(text, i, end)) return true;
      awaitingValue = endsWithKey(text, i, end, hashFrom);
      commentIndent = Number.POSITIVE_INFINITY;
    }
    start = end + 1;
  }
  return false;
}

/** Whether the line part from `i` is a null word used as a key (`null: a`, `~ : a`). */
function startsWithNullKey(text: string, i: number, end: number): boolean {
  for (const word of NULL_WORDS) {
    if (!text.startsWith(word, i)) continue;
    let j = i + word.length;
    while (j < end && text.charCodeAt(j) === SPACE) j++;
    if (text.charCodeAt(j) === COLON && endsToken(text, j + 1, end)) return true;
  }
  return false;
}

/** Whether a line ends with a key whose value follows on later lines (`a:`, `a: # note`). */
function endsWithKey(text: string, from: number, end: number, hashFrom: (at: number) => number): boolean {
  let stop = end;
  for (let i = hashFrom(from + 1); i !== -1 && i < end; i = hashFrom(i + 1)) {
    if (text.charCodeAt(i - 1) === SPACE) {
      stop = i;
      break;
    }
  }
  let last = stop - 1;
  while (last >= from && text.charCodeAt(last) === SPACE) last--;
  return last >= from && text.charCodeAt(last) === COLON;
}

/** Finds the next `char` at or after a position, for positions that never go back: each part
 * of the text is searched once. */
function nextFinder(text: string, char: string): (at: number) => number {
  let found = -2;
  return (at) => {
    if (found !== -1 && found < at) found = text.indexOf(char, at);
    return found;
  };
}

function needsFullParser(text: string): boolean {
  for (const [telltales, pattern] of NEEDS_FULL_PARSER) {
    let present = false;
    for (const c of telltales) if (text.includes(c)) present = true;
    if (present && pattern.test(text)) return true;
  }
  return lineHazard(text);
}

/** The file's data when it is a mapping read the fast way; undefined means: use the full parser. */
export function readPlainYaml(text: string): Record<string, unknown> | undefined {
  return readPlainYamlFile(text)?.data;
}

/**
 * `readPlainYaml`, and the text as one string with the data. js-yaml reads a copy of the text
 * (it appends a NUL), and every longer string of the data is a slice of that copy, which keeps
 * all of it alive: the text returned is a view of the same copy, equal to `text`, so that a
 * kept file holds its text once rather than twice.
 */
export function readPlainYamlFile(text: string): { data: Record<string, unknown>; text: string } | undefined {
  if (text.length === 0 || needsFullParser(text)) return undefined;
  let doubtful = false;
  const opened: number[] = [];
  let input: string | undefined;
  let data: unknown;
  try {
    data = load(text, {
      schema: CORE_AS_YAML,
      onWarning: () => void (doubtful = true),
      listener: (event, state) => {
        input ??= state.input;
        if (event === 'open') {
          opened.push(state.position);
          return;
        }
        const start = opened.pop() ?? 0;
        const end = state.position;
        // A comment glued to the end of a quoted scalar or flow collection (`'a'#c`): js-yaml
        // reads it as a comment, `yaml` in strict mode reports it.
        if (text.charCodeAt(end) === HASH && !isSpace(text.charCodeAt(end - 1))) doubtful = true;
        if (state.kind !== 'scalar') {
          // A flow collection over several lines: comment and indentation rules differ.
          if (isMultiLineFlow(text, start, end)) doubtful = true;
          // A collection used as a key (`{}:x`, `[a]: 1`): js-yaml names it "[object Object]" or "a".
          let next = end;
          while (text.charCodeAt(next) === SPACE) next++;
          if (text.charCodeAt(next) === COLON) doubtful = true;
        }
      },
    });
  } catch {
    return undefined;
  }
  if (doubtful || data === null || typeof data !== 'object' || Array.isArray(data) || hasKeyThatMayNotBeText(data)) return undefined;
  const view = input?.slice(0, text.length);
  return { data: data as Record<string, unknown>, text: view === text ? view : text };
}

/** Whether the collection read between `start` and `end` is a flow collection spanning lines. */
function isMultiLineFlow(text: string, start: number, end: number): boolean {
  let at = start;
  for (;;) {
    const c = text.charCodeAt(at);
    if (c === SPACE || c === 0x0a) at++;
    else if (c === HASH) {
      const newline = text.indexOf('\n', at);
      if (newline === -1 || newline >= end) return false;
      at = newline + 1;
    } else break;
  }
  const c = text.charCodeAt(at);
  if (c !== 0x5b && c !== 0x7b) return false;
  const newline = text.indexOf('\n', at);
  return newline !== -1 && newline < end;
}

/**
 * js-yaml turns every key into a string (`1:` and `'1':` both give "1", `.inf:` gives
 * "Infinity"), while keys that are not text are a problem `yaml-constructs.ts` reports (HC106).
 * A name that a plain key of another type could have produced sends the file to the full parser.
 */
function hasKeyThatMayNotBeText(data: object): boolean {
  const stack: unknown[] = [data];
  while (stack.length > 0) {
    const value = stack.pop();
    if (value === null || typeof value !== 'object') continue;
    if (Array.isArray(value)) {
      for (const item of value) if (item !== null && typeof item === 'object') stack.push(item);
      continue;
    }
    for (const key in value) {
      if (mayNotBeText(key)) return true;
      const child = (value as Record<string, unknown>)[key];
      if (child !== null && typeof child === 'object') stack.push(child);
    }
  }
  return false;
}

/** Keys that start like a number, boolean or null (`-+.0-9~nNtTfFI`) are checked; others are text for sure. */
const MAYBE_NOT_TEXT_START = new Set([...'-+.0123456789~nNtTfFI'].map((c) => c.charCodeAt(0)));

function mayNotBeText(key: string): boolean {
  return (
    (key.length === 0 || MAYBE_NOT_TEXT_START.has(key.charCodeAt(0))) &&
    (typeof resolvePlainScalar(key) !== 'string' || key === 'Infinity' || key === '-Infinity' || key === 'NaN')
  );
}
