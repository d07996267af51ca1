/**
 * Diagnostics: every problem hookcat finds in a catalog, with a stable code, a position
 * and a hint that says what to do. Validation collects them; only the CLI prints them.
 */

export type Severity = 'error' | 'warning';

export interface Diagnostic {
  readonly code: DiagnosticCode;
  readonly severity: Severity;
  /** Path of the file as given to hookcat (relative to the working directory when possible). */
  readonly file: string;
  /** 1-based line and column; 1:1 when the problem concerns the file as a whole. */
  readonly line: number;
  readonly column: number;
  readonly message: string;
  /** What to do about it. */
  readonly hint: string;
  /** Which of the reasons one code covers applies, as data for tests and tools (not printed in
   * text): HC100 `file`, HC104 `nesting`, HC303 and HC304 `ref`; README lists the values. */
  readonly data?: Readonly<Record<string, string>>;
}

/** The code table: one stable code per kind of problem. Tests assert codes, not wording. */
export const DIAGNOSTIC_CODES = {
  HC100: 'file could not be read (missing, not a file, too large or not UTF-8)',
  HC101: 'YAML syntax error',
  HC102: 'duplicate key in a YAML mapping',
  HC103: 'too many YAML alias expansions (possible alias bomb)',
  HC104: 'YAML nesting too deep',
  HC105: 'folder is not a catalog (no catalog.yaml)',
  HC106: 'YAML tag or construct that a catalog cannot use',
  HC108: 'folder link that loops back into itself',
  HC200: 'required property missing',
  HC201: 'unknown property',
  HC202: 'value has the wrong type',
  HC203: 'value not allowed (enum, pattern, format or range)',
  HC204: 'catalog metadata declared more than once, or not at all',
  HC300: 'duplicate event key',
  HC301: 'event names an unknown category',
  HC302: 'event names an unknown subgroup, or none where the category has subgroups',
  HC303: 'unresolved $ref',
  HC304: 'remote or file $ref (never fetched)',
  HC305: 'missing translation',
  HC306: 'example does not match the payload schema',
  HC307: 'deprecation replacement is not an event of the catalog',
  HC308: 'invalid event key syntax',
  HC309: 'duplicate category, subgroup, schema or example name',
  HC310: 'invalid payload JSON Schema',
  HC311: 'text in a locale the catalog does not declare',
  HC312: 'event replaces itself or a deprecated event',
  HC313: 'envelope field collides with the type or data field, or a signature reads its timestamp and digests from one place',
  HC314: 'category has no events',
  HC315: 'version not declared under `catalog.versions`, or declared twice',
  HC316: 'schemas nested too deep through $ref chains',
  HC317: 'name makes no file name: too long (255 bytes), or a device name Windows reserves (CON, NUL, COM1...)',
  HC318: 'unknown format (not checked)',
  HC319: 'pattern needs a backtracking regular expression engine (lookaround, backreference)',
  HC330: 'delivery shape incomplete: a field, header or block the shape needs is missing',
  HC331: 'two events are delivered under the same name and action',
  HC332: 'no valid example value for an envelope field',
  HC333: 'a schema checks one value against too many subschemas (repeated shared schemas in allOf/anyOf/oneOf)',
  HC340: 'two event keys or shared schema names are written to one file (the same name, or one differing only in case)',
  HC341: 'generated names taken by another event or schema: the outputs number them',
  HC342: 'subscription path parameter not declared, declared but not in the path, declared twice, or named like the id parameter',
  HC343: 'two properties of a subscription with one name (id, events field, url, email, secret, fields)',
  HC350: 'locale tag not well-formed, or not in its canonical form',
  HC351: 'pages made for a locale that has no message file',
  HC360: '`$schema` names a JSON Schema dialect hookcat does not read (read as 2020-12)',
  HC400: 'event key written in another style than most keys of the catalog (part separator, word joiner or case)',
  HC401: 'a verb written in both forms in event keys (`create` and `created`)',
  HC900: 'internal error',
} as const;

export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;

/** Sort by file, line, column, then code, so output is stable. */
export function sortDiagnostics(list: readonly Diagnostic[]): Diagnostic[] {
  return [...list].sort(
    (a, b) => compare(a.file, b.file) || a.line - b.line || a.column - b.column || compare(a.code, b.code) || compare(a.message, b.message),
  );
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function hasErrors(list: readonly Diagnostic[]): boolean {
  return list.some((d) => d.severity === 'error');
}

export interface FormatOptions {
  readonly color: boolean;
}

/** `path:line:col  severity  CODE  message (hint)` one per line, then a count summary. */
export function formatDiagnostics(list: readonly Diagnostic[], options: FormatOptions): string {
  const paint = options.color ? colorize : (_: string, s: string) => s;
  const lines = sortDiagnostics(list).map((d) => {
    const where = `${escapeControls(d.file)}:${d.line}:${d.column}`;
    const severity = paint(d.severity === 'error' ? '31' : '33', d.severity);
    return `${where}  ${severity}  ${d.code}  ${oneLine(d.message)}${d.hint ? ` (${oneLine(d.hint)})` : ''}`;
  });
  lines.push(summarize(list));
  return `${lines.join('\n')}\n`;
}

/** `2 errors, 1 warning` */
export function summarize(list: readonly Diagnostic[]): string {
  const errors = list.filter((d) => d.severity === 'error').length;
  const warnings = list.length - errors;
  return `${errors} ${errors === 1 ? 'error' : 'errors'}, ${warnings} ${warnings === 1 ? 'warning' : 'warnings'}`;
}

/** Machine-readable form for `--format json`. */
export function formatDiagnosticsJson(list: readonly Diagnostic[]): string {
  const sorted = sortDiagnostics(list);
  const errors = sorted.filter((d) => d.severity === 'error').length;
  return `${JSON.stringify({ diagnostics: sorted, errors, warnings: sorted.length - errors }, null, 2)}\n`;
}

function colorize(code: string, text: string): string {
  return `\u001b[${code}m${text}\u001b[0m`;
}

/** A file name as text a terminal shows as it is: control characters (ESC, newline, DEL, C1,
 * line and paragraph separators) and the backslash written as escapes, `\x1b`, `\n`, `\\`. */
export function escapeControls(text: string): string {
  return text.replace(/[\\\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => CONTROL_NAMES[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const CONTROL_NAMES: Readonly<Record<string, string>> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\u001b': '\\x1b' };

/** Catalog text can hold newlines and control characters; a diagnostic stays one line. */
function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ');
}
