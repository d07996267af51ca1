/** `$ref`s point at shared schemas of the catalog; nothing remote or outside is ever fetched. */
import type { Diagnostic } from '../../diagnostics.js';
import { SHARED_SCHEMA_PREFIX } from '../payload-schema.js';
import type { Check } from './check.js';
import { diagnosticAt } from '../positions.js';
import { KNOWN_KEYWORDS, walkSchema } from '../schema-walk.js';
import type { DataPath } from '../source-file.js';
import { formatNames } from 'ajv-formats/dist/formats.js';
import { eventKeys } from './memo.js';
import { schemasInCatalog, type LocatedSchema } from './schemas-in-catalog.js';

/** Longest title or description in a payload schema, as for any catalog text (see schema.json). */
export const MAX_TEXT_LENGTH = 10_000;

/** What the walk of one payload found: every problem but unresolved `$ref`s, and the shared
 * schema names it refers to (resolved against the catalog's names on every load). */
interface Findings {
  readonly diagnostics: readonly Diagnostic[];
  readonly referred: readonly string[];
}

export const checkRefs: Check = (source, memory) => {
  const walked = memory.memo<Findings>('refs');
  const eventKey = eventKeys(source);
  const diagnostics: Diagnostic[] = [];
  const names = new Set(source.schemas.map((s) => s.name));
  const resolves = (name: string): boolean => !source.complete || names.has(name);
  for (const located of schemasInCatalog(source)) {
    if (located.event !== undefined) {
      const found = walked.get(eventKey(located.event), '', () => findings(located));
      if (found.referred.every(resolves)) {
        diagnostics.push(...found.diagnostics);
        continue;
      }
    }
    diagnostics.push(...schemaProblems(located, names, resolves, []));
  }
  return diagnostics;
};

function findings(located: LocatedSchema): Findings {
  const referred: string[] = [];
  const diagnostics = schemaProblems(located, new Set(), () => true, referred);
  return { diagnostics, referred: [...new Set(referred)] };
}

/** Every problem of one schema, in walk order; `referred` collects the shared names it uses. */
function schemaProblems(
  { value, file, path }: LocatedSchema,
  names: ReadonlySet<string>,
  resolves: (name: string) => boolean,
  referred: string[],
): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const report = (at: DataPath, code: 'HC303' | 'HC304', message: string, hint: string): void => {
    diagnostics.push(diagnosticAt(file, at, code, 'error', message, hint));
  };
  walkSchema(value, path, (schema, at) => {
    for (const keyword of Object.keys(schema)) {
      if (!KNOWN_KEYWORDS.has(keyword) && !keyword.startsWith('x-')) {
        diagnostics.push(
          diagnosticAt(
            file,
            at(keyword),
            'HC310',
            'warning',
            `\`${keyword}\` is not a JSON Schema or OpenAPI keyword: the published schemas leave it out`,
            'fix the spelling; an annotation of your own is kept in the OpenAPI fragment when written with an `x-` prefix',
            'key',
          ),
        );
      }
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
    const ref = schema['$ref'];
    if (ref === undefined) return;
    if (typeof ref !== 'string') {
      report(at('$ref'), 'HC303', '`$ref` must be a string', `write \`$ref: '${SHARED_SCHEMA_PREFIX}Name'\``);
    } else if (/^[a-z][a-z0-9+.-]*:/i.test(ref)) {
      report(
        at('$ref'),
        'HC304',
        `\`${ref}\` is a remote reference; hookcat never fetches anything`,
        `copy the schema under \`schemas:\` and refer to it as \`${SHARED_SCHEMA_PREFIX}Name\``,
      );
    } else if (!ref.startsWith('#')) {
      report(
        at('$ref'),
        'HC304',
        `\`${ref}\` refers to a file; catalog schemas refer only to shared schemas of the same catalog`,
        `move the schema under \`schemas:\` and refer to it as \`${SHARED_SCHEMA_PREFIX}Name\``,
      );
    } else if (!ref.startsWith(SHARED_SCHEMA_PREFIX) || ref.slice(SHARED_SCHEMA_PREFIX.length).includes('/')) {
      report(at('$ref'), 'HC303', `\`${ref}\` is not a reference to a shared schema`, `refer to shared schemas as \`${SHARED_SCHEMA_PREFIX}Name\``);
    } else {
      const name = ref.slice(SHARED_SCHEMA_PREFIX.length);
      referred.push(name);
      if (resolves(name)) return;
      const known = [...names].join(', ') || 'none';
      report(at('$ref'), 'HC303', `\`${ref}\` does not resolve: no shared schema \`${name}\``, `declare it under \`schemas:\` (declared: ${known})`);
    }
  });
  return diagnostics;
}

const TEXT_KEYWORDS = ['title', 'description'];

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
