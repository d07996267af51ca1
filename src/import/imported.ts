/** What an importer makes of a provider's description: a catalog as data, before it is written
 * as YAML, and the problems found on the way. */

export interface ImportedCatalog {
  readonly id: string;
  readonly version: string;
  readonly title: string;
  readonly description: string | undefined;
  /** Custom keywords found in the schemas, declared as annotations (`catalog.annotations`). */
  readonly annotations: readonly string[];
  readonly envelope: ImportedEnvelope;
  readonly categories: readonly ImportedCategory[];
  /** Shared schemas by name, in the order they are written. */
  readonly schemas: ReadonlyMap<string, unknown>;
  readonly events: readonly ImportedEvent[];
}

export interface ImportedEnvelope {
  readonly shape: 'envelope' | 'bare';
  readonly typeHeader: string | undefined;
  readonly actionField: string | undefined;
  readonly headers: readonly ImportedHeader[];
  readonly responses: readonly { readonly status: string; readonly description: string }[];
}

export interface ImportedHeader {
  readonly name: string;
  readonly description: string;
  readonly example: string | undefined;
  readonly required: boolean;
}

export interface ImportedCategory {
  readonly id: string;
  readonly title: string;
  readonly description: string;
}

export interface ImportedEvent {
  readonly key: string;
  readonly category: string;
  readonly title: string;
  readonly description: string;
  readonly payload: unknown;
  readonly examples: readonly ImportedExample[];
  readonly deprecated: boolean;
  /** Written when the key does not say it (bare shape): the header value and action. */
  readonly deliveredAs: { readonly name: string; readonly action: string | undefined } | undefined;
  /** JSON Pointer of what the event was made from, in its source (`/webhooks/issues-opened/post`, a file). */
  readonly source: string;
}

export interface ImportedExample {
  readonly name: string;
  readonly summary: string | undefined;
  readonly payload: unknown;
}
