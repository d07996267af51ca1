import type { Catalog } from '../model/types.js';
import type { DescriptionFormat } from './description/index.js';
import type { OutputMemo } from '../output-memo.js';

/** One output file, path relative to the output folder (`/` separators). */
export interface OutputFile {
  readonly path: string;
  readonly contents: string;
}

/** Options every emitter may read; emitters must not read files or the environment. */
export interface EmitOptions {
  /** Locales to emit pages for; undefined means every locale of the catalog. */
  readonly locales?: readonly string[] | undefined;
  /** Templates and messages for the pages, loaded by the caller. */
  readonly templates?: TemplateSet | undefined;
  /** How descriptions written in markdown are printed (`loadDescriptionFormat`, which loads
   * remark only when some description has markdown syntax); undefined: as plain text. */
  readonly descriptions?: DescriptionFormat | undefined;
  /** Text made before from the same input (see `src/output-memo.ts`); default: every text is made. */
  readonly memo?: OutputMemo | undefined;
}

/** Handlebars templates, partials and per-locale messages, as text. Loaded from `templates/`. */
export interface TemplateSet {
  /** Page templates by name, e.g. `overview`, `events`, `event`, `subscriptions`. */
  readonly pages: { readonly [name: string]: string };
  readonly partials: { readonly [name: string]: string };
  /** messages[locale][id] = text. */
  readonly messages: { readonly [locale: string]: { readonly [id: string]: string } };
  /** Set when a page template or partial comes from the user's folder: prints a rendered page
   * in the canonical form (remark), since a custom template may write any markdown. The shipped
   * templates write the canonical form themselves. */
  readonly normalize?: ((markdown: string) => string) | undefined;
}

/**
 * An output format. `emit` is a pure function of the catalog: same model in, same
 * bytes out. Paths are relative to the output folder and start with the catalog id.
 */
export interface Emitter {
  /** Short name used by `--only`, e.g. `types`, `schemas`, `openapi`, `docs`. */
  readonly name: string;
  /** Many files made quickly (a file per event, little work each): run before the others, so
   * that the disk works on them while the others emit. */
  readonly runFirst?: boolean;
  emit(catalog: Catalog, options: EmitOptions): readonly OutputFile[];
  /** The same files as `emit`, made one at a time, for outputs with many files (the pages):
   * the pipeline writes them as they come instead of holding them all. */
  emitEach?(catalog: Catalog, options: EmitOptions): Iterable<OutputFile>;
  /** Optional files about all catalogs together (e.g. an index module), at the output root. */
  emitIndex?(catalogs: readonly Catalog[], options: EmitOptions): readonly OutputFile[];
}
