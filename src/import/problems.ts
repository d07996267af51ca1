/**
 * Import problems: what an importer could not carry over as it was, each with a stable code
 * (HI100-HI199, apart from the catalog's HC codes) and the JSON Pointer of the place in the
 * source document (for a folder: the file, then the pointer in it). Printed
 * `source#pointer  severity  CODE  message` (`folder/file#pointer ...` for a folder), or
 * `source:line:col ...` where the source cannot be parsed.
 */
import { escapeControls } from '../diagnostics.js';

export const IMPORT_CODES = {
  HI100: 'the source cannot be read or is not what the command imports',
  HI101: 'a webhook or schema file that cannot become an event (no JSON body schema), left out',
  HI102: 'a name the catalog format refuses, written in an accepted spelling',
  HI103: 'a `$ref` that does not resolve to a schema of the source, replaced by an empty schema',
  HI104: 'a pattern that needs a backtracking engine (RE2 refuses it), left out',
  HI105: 'a format hookcat does not know, left out',
  HI106: 'an example that does not match its schema, left out',
  HI107: 'a text longer than the catalog format allows, shortened',
  HI108: 'two events or shared schemas would have one key or name (letter case aside): the later one gets a suffix',
  HI109: 'no header names the event type: pass --type-header',
  HI110: 'a keyword that cannot become an annotation (`$anchor`, a name the catalog format refuses), left out',
} as const;

export type ImportCode = keyof typeof IMPORT_CODES;

export interface ImportProblem {
  readonly code: ImportCode;
  readonly severity: 'error' | 'warning';
  /** JSON Pointer into the source document ('' for the whole of it). */
  readonly pointer: string;
  /** Where a source that cannot be parsed goes wrong (1-based), in place of a pointer. */
  readonly line?: number;
  readonly col?: number;
  readonly message: string;
}

/** Collects the problems of one import. */
export class ImportProblems {
  readonly list: ImportProblem[] = [];

  warn(code: ImportCode, pointer: string, message: string): void {
    this.list.push({ code, severity: 'warning', pointer, message });
  }

  error(code: ImportCode, pointer: string, message: string): void {
    this.list.push({ code, severity: 'error', pointer, message });
  }
}

/** A JSON Pointer from reference tokens (RFC 6901). */
export function pointer(...tokens: readonly (string | number)[]): string {
  return tokens.map((token) => `/${String(token).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

/** `#pointer`, or `:line:col` for a source that cannot be parsed; in a folder, `/file#pointer`
 * (the problem's pointer starts with the file's path). */
function placeOf(problem: ImportProblem, inFolder: boolean): string {
  if (problem.line !== undefined) return `:${problem.line}:${problem.col ?? 1}`;
  if (inFolder) return problem.pointer === '' ? '' : `/${escapeControls(problem.pointer)}`;
  return `#${escapeControls(problem.pointer)}`;
}

/** One line per problem, in the order the import found them, then a count. `source` is a
 * document, or a folder of schemas (`inFolder`). */
export function formatImportProblems(source: string, problems: readonly ImportProblem[], inFolder = false): string {
  const folder = inFolder ? source.replace(/[\\/]+$/, '') : source;
  const lines = problems.map(
    (p) => `${escapeControls(folder)}${placeOf(p, inFolder)}  ${p.severity}  ${p.code}  ${p.message.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ')}`,
  );
  const errors = problems.filter((p) => p.severity === 'error').length;
  lines.push(`import: ${errors} ${errors === 1 ? 'error' : 'errors'}, ${problems.length - errors} ${problems.length - errors === 1 ? 'warning' : 'warnings'}`);
  return `${lines.join('\n')}\n`;
}
