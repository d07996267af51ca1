import type { Document, LineCounter } from 'yaml';
import type { BlockOutline } from './block-outline.js';

/** A path into a file's data: property names and array indexes. */
export type DataPath = readonly (string | number)[];

/** A file's YAML node tree, every node with its source range, and the line starts that turn an
 * offset into `line:col`. */
export interface FileNodes {
  readonly document: Document.Parsed | undefined;
  readonly lineCounter: LineCounter;
}

/** One catalog file after parsing: its data and what is needed to point into it. */
export interface SourceFile {
  /** Path as shown in diagnostics (relative to the working directory when possible). */
  readonly displayPath: string;
  /** Path relative to the catalog folder, `/` separators. */
  readonly relativePath: string;
  /** The text as parsed (without a byte order mark); offsets in `nodes()` index into it. */
  readonly text: string;
  /** The file's data as plain JSON values; undefined when it could not be parsed. */
  readonly data: unknown;
  /**
   * The node tree with positions. Files read the fast way (see `fast-yaml.ts`) build it on the
   * first call, so only a file that a diagnostic points into pays for it; see `positions.ts`.
   */
  readonly nodes: () => FileNodes;
  /** For files read the fast way: the block structure of the text, which answers most position
   * queries without building `nodes()`. Undefined for files parsed with positions. */
  readonly outline: (() => BlockOutline) | undefined;
}
