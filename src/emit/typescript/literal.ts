/**
 * Escaping for the two places where catalog text becomes TypeScript syntax (not comments):
 * string literals (event keys, enum and const values) and property names.
 */

/** Line and paragraph separators: legal in string literals since ES2019, but editors and older
 * tools treat them as line breaks, so they are always written as escapes. */
const SEPARATORS = /[\u2028\u2029]/g;

/** Printable ASCII but `'` and `\`: written as is. */
const PLAIN = /^[\x20-\x26\x28-\x5b\x5d-\x7e]*$/;

/**
 * `value` as a single-quoted TypeScript string literal. JSON.stringify escapes backslashes,
 * control characters and lone surrogates; the quotes are then swapped from `"` to `'`.
 */
export function tsString(value: string): string {
  if (PLAIN.test(value)) return `'${value}'`;
  const json = JSON.stringify(value).slice(1, -1);
  const single = json.replace(/\\[\s\S]|'/g, (match) => (match === "'" ? "\\'" : match === '\\"' ? '"' : match));
  return `'${single.replace(SEPARATORS, (c) => `\\u${c.charCodeAt(0).toString(16)}`)}'`;
}

/** Plain ASCII identifiers are written bare; `__proto__` and `constructor` are quoted so no
 * reader (or tool) mistakes them for the special members of the same name. */
const BARE_NAME = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const ALWAYS_QUOTED = new Set(['__proto__', 'constructor']);

/** A property name for an interface or type literal member: bare when it is a plain
 * identifier, a string literal otherwise (`'content-type'`, `'1st'`, `'ünits'`). */
export function tsPropertyName(name: string): string {
  return BARE_NAME.test(name) && !ALWAYS_QUOTED.has(name) ? name : tsString(name);
}

/** A JSON number as a numeric literal type (`-1` is a valid literal type). */
export function tsNumber(value: number): string {
  return Number.isFinite(value) ? String(value) : 'number';
}
