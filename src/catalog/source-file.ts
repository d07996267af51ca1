import type { Document, LineCounter } from 'yaml';
import type { TopPositions } from './top-positions.js';

/** A path into a file's data: property names and array indexes. */
export type DataPath = readonly (string | number)[];

/** One catalog file after parsing: its data and what is needed to point into it. */
export interface SourceFile {
  /** Path as shown in diagnostics (relative to the working directory when possible). */
  readonly displayPath: string;
  /** Path relative to the catalog folder, `/` separators. */
  readonly relativePath: string;
  /** The text as parsed (without a byte order mark); offsets in `document()` index into it. */
  readonly text: string;
  /** The file's data as plain JSON values; undefined when it could not be parsed. */
  readonly data: unknown;
  /** `yaml`'s document: the node tree with a source range for every node. A file that parsed
   * without a problem keeps only `top`, and parses its text again on the first call (only a file
   * a diagnostic points deep into pays for it). */
  readonly document: () => Document.Parsed | undefined;
  /** The line starts, which turn an offset into `line:col`. */
  readonly lines: LineCounter;
  /** Where the top-level entries and their items start (files that parsed without a problem). */
  readonly top: TopPositions | undefined;
}
