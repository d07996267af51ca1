/** The files of one catalog gathered into one place, each piece still pointing at its source. */
import type { DataPath, SourceFile } from './source-file.js';

/** Localized text as written: a map from locale to text, or a plain string in the source locale. */
export type RawText = string | { readonly [locale: string]: string };

export interface RawMetadata {
  readonly id: string;
  readonly version: string;
  readonly locales: readonly string[];
  readonly sourceLocale: string;
  readonly fallbackLocale?: string;
  readonly missingTranslation?: 'warn' | 'error';
  readonly docsUrl?: string;
  readonly title: RawText;
  readonly description?: RawText;
  readonly package?: { readonly name?: string; readonly version?: string; readonly license?: string };
  readonly versions?: readonly RawVersion[];
  /** Keywords of the catalog's own kept in payload schemas as annotations (`x-<name>`). */
  readonly annotations?: readonly string[];
}

/** One entry of `catalog.versions`. */
export interface RawVersion {
  readonly version: string;
  readonly date: string;
  readonly notes?: RawText;
  readonly changes?: readonly RawAttachedChange[];
}

/** A change `hookcat diff --attach` recorded under a version. */
export interface RawAttachedChange {
  readonly level: 'breaking' | 'potentially-breaking' | 'safe';
  readonly rule: string;
  readonly subject: string;
  readonly path?: string;
  readonly message: string;
}

export interface RawGroup {
  readonly id: string;
  readonly title: RawText;
  readonly description?: RawText;
}

export interface RawCategory {
  readonly id: string;
  readonly title: RawText;
  readonly description: RawText;
  readonly groups?: readonly RawGroup[];
}

export interface RawExample {
  readonly name?: string;
  readonly summary?: RawText;
  readonly payload: unknown;
}

export interface RawDeprecation {
  readonly since?: string;
  readonly reason?: RawText;
  readonly replacement?: string;
}

export interface RawEvent {
  readonly key: string;
  readonly category: string;
  readonly group?: string;
  readonly title: RawText;
  readonly description: RawText;
  readonly payload: unknown;
  readonly examples?: readonly RawExample[];
  readonly since?: string;
  readonly deprecated?: boolean | RawDeprecation;
  readonly tags?: readonly string[];
  readonly published?: boolean;
  readonly deliveredAs?: { readonly name: string; readonly action?: string };
}

export interface RawEnvelope {
  readonly shape?: 'envelope' | 'bare' | 'batch';
  readonly typeField?: string;
  readonly dataField?: string | null;
  readonly typeHeader?: string;
  readonly actionField?: string;
  readonly batch?: {
    readonly field?: string;
    readonly item?: 'envelope' | 'bare';
    readonly description?: RawText;
    readonly properties?: { readonly [name: string]: unknown };
    readonly required?: readonly string[];
  };
  readonly description?: RawText;
  readonly properties?: { readonly [name: string]: unknown };
  readonly required?: readonly string[];
  readonly headers?: readonly { readonly name: string; readonly description: RawText; readonly example?: string; readonly required?: boolean }[];
  readonly signature?: RawSignature;
  readonly responses?: readonly { readonly status: string; readonly description: RawText }[];
  readonly retries?: RawText;
}

/** `envelope.signature` as written: a scheme, or the old form (`header` + `algorithm: hmac-sha256`). */
export interface RawSignature {
  readonly scheme?: 'standard-webhooks' | 'hmac' | 'timestamped';
  readonly header?: string;
  readonly timestampHeader?: string;
  readonly headerPrefix?: string;
  readonly algorithm?: string;
  readonly encoding?: 'hex' | 'base64';
  readonly prefix?: string;
  readonly signedPayload?: string;
  readonly timestampKey?: string;
  readonly signatureKey?: string;
  readonly separator?: string;
  readonly tolerance?: number;
  readonly description?: RawText;
}

export interface RawSubscriptions {
  readonly title: RawText;
  readonly description: RawText;
  readonly path: string;
  readonly pathParameters?: readonly { readonly name: string; readonly description: RawText; readonly schema?: unknown }[];
  readonly idField?: string;
  readonly idParameter?: string;
  readonly idSchema?: { readonly type: 'string' | 'integer'; readonly [keyword: string]: unknown };
  readonly eventsField?: string;
  readonly wildcards?: { readonly all?: boolean; readonly families?: 'none' | 'prefix' | 'star' };
  readonly targets?: readonly ('url' | 'email')[];
  readonly operations?: readonly { readonly name: string; readonly summary?: RawText; readonly description?: RawText }[];
  readonly secret?: {
    readonly description: RawText;
    readonly generatedBy?: 'user' | 'provider';
    readonly required?: boolean;
    readonly returned?: 'always' | 'create';
    readonly minLength?: number;
  };
  readonly fields?: readonly {
    readonly name: string;
    readonly required?: boolean;
    readonly schema: unknown;
    readonly title: RawText;
    readonly description?: RawText;
  }[];
}

/** A piece of the catalog and where it stands: the file and the data path inside it. */
export interface Located<T> {
  readonly value: T;
  readonly file: SourceFile;
  readonly path: DataPath;
}

export interface NamedLocated<T> extends Located<T> {
  readonly name: string;
}

export interface CatalogSource {
  /** The catalog folder as given. */
  readonly folder: string;
  readonly files: readonly SourceFile[];
  readonly metadata: Located<RawMetadata> | undefined;
  readonly envelope: Located<RawEnvelope> | undefined;
  readonly subscriptions: Located<RawSubscriptions> | undefined;
  readonly categories: readonly Located<RawCategory>[];
  readonly schemas: readonly NamedLocated<unknown>[];
  readonly events: readonly Located<RawEvent>[];
  /** False when some file failed the format check: cross-file reference checks are then skipped
   * because a missing category may only be missing because its file was rejected. */
  readonly complete: boolean;
}
