import type { Document, LineCounter } from 'yaml';

/** A path into a file's data: property names and array indexes. */
export type DataPath = readonly (string | number)[];

/** One catalog file after parsing: its data and what is needed to point into it. */
export interface SourceFile {
  /** Path as shown in diagnostics (relative to the working directory when possible). */
  readonly displayPath: string;
  /** Path relative to the catalog folder, `/` separators. */
  readonly relativePath: string;
  readonly document: Document.Parsed | undefined;
  readonly lineCounter: LineCounter;
  /** The file's data as plain JSON values; undefined when it could not be parsed. */
  readonly data: unknown;
}
