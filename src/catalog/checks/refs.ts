/** `$ref`s point at shared schemas of the catalog; nothing remote or outside is ever fetched. */
import type { Diagnostic } from '../../diagnostics.js';
import type { Check } from './check.js';
import { diagnosticAt } from '../positions.js';
import { isCustomKeyword } from '../custom-keywords.js';
import { isKnownDialect, OLDER_DRAFT_KEYWORDS } from '../dialect.js';
import { annotationSet, SHARED_SCHEMA_PREFIX } from '../payload-schema.js';
import { walkSchema } from '../schema-walk.js';
import type { DataPath } from '../source-file.js';
import { formatNames } from 'ajv-formats/dist/formats.js';
import { eventKeys } from './memo.js';
import { schemasInCatalog, type LocatedSchema } from './schemas-in-catalog.js';

/** Longest title or description in a payload schema, as for any catalog text (see schema.json). */
export const MAX_TEXT_LENGTH = 10_000;

/** What the walk of one payload found: every problem but unresolved `$ref`s and unknown
 * keywords, the shared schema names it refers to (resolved against the catalog's names on every
 * load), and where it uses a keyword hookcat does not know (reported once per name). */
interface Findings {
  readonly diagnostics: readonly Diagnostic[];
  readonly referred: readonly string[];
  readonly unknown: readonly UnknownKeyword[];
}

/** One use of a keyword that is neither JSON Schema's, OpenAPI's, nor a declared annotation. */
interface UnknownKeyword {
  readonly keyword: string;
  readonly at: Diagnostic;
}

export const checkRefs: Check = (source, memory) => {
  const walked = memory.memo<Findings>('refs');
  const eventKey = eventKeys(source);
  const diagnostics: Diagnostic[] = [];
  const unknown: UnknownKeyword[] = [];
  const names = new Set(source.schemas.map((s) => s.name));
  const annotations = annotationSet(source.metadata?.value.annotations);
  const context = [...annotations].sort().join(',');
  const resolves = (name: string): boolean => !source.complete || names.has(name);
  for (const located of schemasInCatalog(source)) {
    if (located.event !== undefined) {
      const found = walked.get(eventKey(located.event), context, () => findings(located, annotations));
      if (found.referred.every(resolves)) {
        diagnostics.push(...found.diagnostics);
        unknown.push(...found.unknown);
        continue;
      }
    }
    diagnostics.push(...schemaProblems(located, annotations, { names, resolves, referred: [], unknown }));
  }
  return [...diagnostics, ...unknownKeywordWarnings(unknown)];
};

function findings(located: LocatedSchema, annotations: ReadonlySet<string>): Findings {
  const referred: string[] = [];
  const unknown: UnknownKeyword[] = [];
  const diagnostics = schemaProblems(located, annotations, { names: new Set(), resolves: () => true, referred, unknown });
  return { diagnostics, referred: [...new Set(referred)], unknown };
}

/** One HC310 warning per unknown keyword, at its first use, with the number of uses. */
function unknownKeywordWarnings(unknown: readonly UnknownKeyword[]): Diagnostic[] {
  const uses = new Map<string, { first: Diagnostic; count: number }>();
  for (const { keyword, at } of unknown) {
    const known = uses.get(keyword);
    if (known === undefined) uses.set(keyword, { first: at, count: 1 });
    else known.count += 1;
  }
  return [...uses].map(([keyword, { first, count }]) => {
    const used = count === 1 ? 'once' : `${count} times`;
    if (keyword === '$anchor') {
      return {
        ...first,
        message: `\`$anchor\` is left out of every output (used ${used}): nothing may refer to an anchor, and ajv refuses the keyword`,
        hint: "remove it, and refer to a shared schema by name (`$ref: '#/schemas/Name'`)",
      };
    }
    return {
      ...first,
      message: `\`${keyword}\` is not a JSON Schema or OpenAPI keyword (used ${used}): every output leaves it out`,
      hint: `fix the spelling, or declare it under \`catalog.annotations\` to keep it in the OpenAPI fragment as \`x-${keyword}\``,
    };
  });
}

/** What the walk of schemas gathers beside diagnostics. */
interface Gathered {
  readonly names: ReadonlySet<string>;
  readonly resolves: (name: string) => boolean;
  /** The shared names the schemas use. */
  readonly referred: string[];
  readonly unknown: UnknownKeyword[];
}

/** Why a `$ref` is refused (the diagnostic's `data.ref`): HC304 for `remote` (a URL; a one-letter
 * scheme is a drive letter, so a file) and `file`, HC303 for the rest. */
type RefKind = 'remote' | 'file' | 'not-text' | 'not-shared' | 'unresolved';

/** Every problem of one schema, in walk order, but the unknown keywords it gathers. */
function schemaProblems({ value, file, path }: LocatedSchema, annotations: ReadonlySet<string>, gathered: Gathered): Diagnostic[] {
  const { names, resolves, referred } = gathered;
  const diagnostics: Diagnostic[] = [];
  const report = (at: DataPath, ref: RefKind, message: string, hint: string): void => {
    diagnostics.push({ ...diagnosticAt(file, at, ref === 'remote' || ref === 'file' ? 'HC304' : 'HC303', 'error', message, hint), data: { ref } });
  };
  walkSchema(value, path, (schema, at) => {
    for (const keyword of Object.keys(schema)) {
      if (isCustomKeyword(keyword) && !annotations.has(keyword) && !OLDER_DRAFT_KEYWORDS.has(keyword)) {
        gathered.unknown.push({ keyword, at: diagnosticAt(file, at(keyword), 'HC310', 'warning', '', '', 'key') });
      }
    }
    const dialect = schema['$schema'];
    if (dialect !== undefined && !isKnownDialect(dialect)) {
      diagnostics.push(
        diagnosticAt(
          file,
          at('$schema'),
          'HC360',
          'warning',
          `\`$schema\` names ${typeof dialect === 'string' ? `\`${dialect}\`` : 'no text'}, not a JSON Schema dialect hookcat reads: the schema is read as draft 2020-12`,
          'name draft-04, 06, 07, 2019-09 or 2020-12 (http://json-schema.org/draft-07/schema), or remove `$schema`',
        ),
      );
    }
    const format = schema['format'];
    if (typeof format === 'string' && !KNOWN_FORMATS.has(format)) {
      diagnostics.push(
        diagnosticAt(
          file,
          at('format'),
          'HC318',
          'warning',
          `\`${format}\` is not a format hookcat knows, so values are not checked against it`,
          `use one of ${[...KNOWN_FORMATS].join(', ')}, or remove it`,
        ),
      );
    }
    for (const keyword of TEXT_KEYWORDS)
      if (hasLongText(schema[keyword])) diagnostics.push(...textLengthProblems(file, (...more) => at(keyword, ...more), schema[keyword]));
    for (const [value, target] of mappingTargets(schema)) {
      const name = target.slice(SHARED_SCHEMA_PREFIX.length);
      referred.push(name);
      if (resolves(name)) continue;
      const known = [...names].join(', ') || 'none';
      report(
        at('discriminator', 'mapping', value),
        'unresolved',
        `\`${target}\` does not resolve: no shared schema \`${name}\``,
        `declare it under \`schemas:\` (declared: ${known})`,
      );
    }
    const ref = schema['$ref'];
    if (ref === undefined) return;
    if (typeof ref !== 'string') {
      report(at('$ref'), 'not-text', '`$ref` must be a string', `write \`$ref: '${SHARED_SCHEMA_PREFIX}Name'\``);
    } else if (/^[a-z][a-z0-9+.-]+:/i.test(ref)) {
      report(
        at('$ref'),
        'remote',
        `\`${ref}\` is a remote reference; hookcat never fetches anything`,
        `copy the schema under \`schemas:\` and refer to it as \`${SHARED_SCHEMA_PREFIX}Name\``,
      );
    } else if (!ref.startsWith('#')) {
      report(
        at('$ref'),
        'file',
        `\`${ref}\` refers to a file; catalog schemas refer only to shared schemas of the same catalog`,
        `move the schema under \`schemas:\` and refer to it as \`${SHARED_SCHEMA_PREFIX}Name\``,
      );
    } else if (!ref.startsWith(SHARED_SCHEMA_PREFIX) || ref.slice(SHARED_SCHEMA_PREFIX.length).includes('/')) {
      report(at('$ref'), 'not-shared', `\`${ref}\` is not a reference to a shared schema`, `refer to shared schemas as \`${SHARED_SCHEMA_PREFIX}Name\``);
    } else {
      const name = ref.slice(SHARED_SCHEMA_PREFIX.length);
      referred.push(name);
      if (resolves(name)) return;
      const known = [...names].join(', ') || 'none';
      report(at('$ref'), 'unresolved', `\`${ref}\` does not resolve: no shared schema \`${name}\``, `declare it under \`schemas:\` (declared: ${known})`);
    }
  });
  return diagnostics;
}

const TEXT_KEYWORDS = ['title', 'description'];

/** The values of an OpenAPI discriminator's mapping that name a shared schema (`#/schemas/Name`),
 * by discriminator value: the outputs point them where they keep that schema, as `$ref`s. Other
 * values (an OpenAPI component reference, a bare name) are published as written. */
function mappingTargets(schema: Record<string, unknown>): [string, string][] {
  const discriminator = schema['discriminator'];
  if (discriminator === null || typeof discriminator !== 'object' || Array.isArray(discriminator)) return [];
  const mapping = (discriminator as Record<string, unknown>)['mapping'];
  if (mapping === null || typeof mapping !== 'object' || Array.isArray(mapping)) return [];
  return Object.entries(mapping).filter(
    (entry): entry is [string, string] =>
      typeof entry[1] === 'string' && entry[1].startsWith(SHARED_SCHEMA_PREFIX) && !entry[1].slice(SHARED_SCHEMA_PREFIX.length).includes('/'),
  );
}

/** The formats the example check tests (ajv-formats); ajv ignores any other. */
const KNOWN_FORMATS: ReadonlySet<string> = new Set(formatNames);

function hasLongText(value: unknown): boolean {
  if (typeof value === 'string') return value.length > MAX_TEXT_LENGTH;
  return (
    value !== null &&
    typeof value === 'object' &&
    !Array.isArray(value) &&
    Object.values(value).some((text) => typeof text === 'string' && text.length > MAX_TEXT_LENGTH)
  );
}

/** HC203 for a title or description (plain or per locale) longer than MAX_TEXT_LENGTH. */
function textLengthProblems(file: LocatedSchema['file'], at: (...more: (string | number)[]) => DataPath, value: unknown): Diagnostic[] {
  const tooLong = (text: unknown): text is string => typeof text === 'string' && text.length > MAX_TEXT_LENGTH;
  const report = (path: DataPath, text: string): Diagnostic =>
    diagnosticAt(
      file,
      path,
      'HC203',
      'error',
      `this text is ${text.length} characters long, more than ${MAX_TEXT_LENGTH}`,
      `shorten it to at most ${MAX_TEXT_LENGTH} characters`,
    );
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return tooLong(value) ? [report(at(), value)] : [];
  const diagnostics: Diagnostic[] = [];
  for (const [locale, text] of Object.entries(value)) if (tooLong(text)) diagnostics.push(report(at(locale), text));
  return diagnostics;
}
