/**
 * The registry of output formats. Adding a format = one emitter file + one line here. Each
 * emitter is imported only when a run needs it, so a run that emits nothing (`--check` with
 * unchanged inputs) or only some outputs does not pay for the others' libraries.
 */
import type { Emitter } from './emitter.js';

/** An output format by name, and how to load its emitter. */
export interface EmitterEntry {
  readonly name: string;
  readonly load: () => Promise<Emitter>;
  /** False for an output made only when `--only` names it (the package). */
  readonly byDefault?: boolean;
}

export const EMITTERS: readonly EmitterEntry[] = [
  { name: 'types', load: async () => (await import('./typescript.js')).typescriptEmitter },
  { name: 'schemas', load: async () => (await import('./json-schema.js')).jsonSchemaEmitter },
  { name: 'openapi', load: async () => (await import('./openapi.js')).openApiEmitter },
  { name: 'docs', load: async () => (await import('./markdown.js')).markdownEmitter },
  { name: 'runtime', load: async () => (await import('./runtime.js')).runtimeEmitter },
  { name: 'package', load: async () => (await import('./package.js')).packageEmitter, byDefault: false },
];

export const EMITTER_NAMES: readonly string[] = EMITTERS.map((e) => e.name);

/** The emitters of `entries`, loaded, in the same order. */
export function loadEmitters(entries: readonly EmitterEntry[]): Promise<Emitter[]> {
  return Promise.all(entries.map((entry) => entry.load()));
}
