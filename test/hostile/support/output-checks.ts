/**
 * The output properties a hostile catalog must keep, each checked with a tool independent of
 * hookcat. Every check returns a list of problems (empty = holds), so one failing case shows
 * everything that is wrong with it.
 */
import { isDeepStrictEqual } from 'node:util';
import type { CatalogText } from './catalog-text.js';
import { dataForAjv, openApiErrors, parseYamlStrict, schemaValidator, stringsOf } from './json-check.js';
import { commonMarkLinks, descriptionStrings, isAllowedLink, mayBeMarkdown, shownAs, visibleText } from './description-text.js';
import { asOneLine, brokenRows, linksOf, readPage, type Page } from './markdown-check.js';
import { compileErrors, moduleFacts } from './typescript-check.js';

export const PROPERTIES = [
  'ts-compiles',
  'ts-means',
  'json-roundtrip',
  'yaml-roundtrip',
  'schemas-compile',
  'openapi-valid',
  'markdown-tables-intact',
  'no-raw-html',
  'unicode-exact',
  'head-text-safe',
  'no-catalog-links',
  'links-safe',
] as const;

export type Property = (typeof PROPERTIES)[number];

/** The outputs of one catalog, as text, by path relative to the output folder. */
export type Outputs = ReadonlyMap<string, string>;

/** Hostile text marks the code it tries to inject with this word; it must never become code. */
export const INJECTION_MARK = /pwned/i;

function file(outputs: Outputs, name: string): string | undefined {
  return outputs.get(name);
}

function missing(kind: string, expected: Iterable<string>, found: ReadonlySet<string>): string[] {
  return [...expected].filter((s) => !found.has(s)).map((s) => `${kind} ${JSON.stringify(s)} is not in the output`);
}

/** `ts-compiles`: the types module, and the root `index.ts` that exports it as a namespace,
 * compile under strict + exactOptionalPropertyTypes. */
export function tsCompiles(catalog: CatalogText, outputs: Outputs): string[] {
  const types = file(outputs, `${catalog.id}/types.ts`);
  if (types === undefined) return [`${catalog.id}/types.ts was not generated`];
  const index = file(outputs, 'index.ts');
  if (index === undefined) return ['index.ts was not generated'];
  return compileErrors(
    new Map([
      [`/virtual/${catalog.id}/types.ts`, types],
      ['/virtual/index.ts', index],
    ]),
  );
}

/** `ts-means`: property names and enum values reach TypeScript unchanged, and no catalog text became code. */
export function tsMeans(catalog: CatalogText, outputs: Outputs): string[] {
  const types = file(outputs, `${catalog.id}/types.ts`);
  if (types === undefined) return [`${catalog.id}/types.ts was not generated`];
  const facts = moduleFacts(types);
  return [
    ...missing('property name', catalog.propertyNames, facts.propertyNames),
    ...missing('enum value', catalog.enumStrings, facts.literals),
    ...missing(
      'event key',
      catalog.events.map((e) => e.key),
      facts.literals,
    ),
    ...[...facts.identifiers].filter((id) => INJECTION_MARK.test(id)).map((id) => `catalog text became code: identifier ${id}`),
    ...[...facts.docTags].filter((tag) => INJECTION_MARK.test(tag)).map((tag) => `catalog text became a doc comment tag: @${tag}`),
  ];
}

/** `json-roundtrip`: every JSON output parses, and gives back the catalog's exact strings. */
export function jsonRoundtrip(catalog: CatalogText, outputs: Outputs): string[] {
  const problems: string[] = [];
  const schemaStrings = new Set<string>();
  const schemaDescriptions = new Set<string>();
  for (const [name, text] of outputs) {
    if (!name.endsWith('.json')) continue;
    try {
      const data: unknown = JSON.parse(text);
      if (name.includes('/schemas/')) for (const s of stringsOf(data)) schemaStrings.add(s);
      if (name.includes('/schemas/')) descriptionStrings(data, schemaDescriptions);
    } catch (error) {
      problems.push(`${name}: ${(error as Error).message}`);
    }
  }
  const openapi = file(outputs, `${catalog.id}/openapi.json`);
  if (openapi === undefined) return [...problems, 'openapi.json was not generated'];
  const openapiStrings = stringsOf(JSON.parse(openapi));
  problems.push(
    ...missing('openapi.json: text', catalog.texts, openapiStrings),
    ...missing('openapi.json: value', catalog.valueStrings, openapiStrings),
    ...missing('openapi.json: property name', catalog.propertyNames, openapiStrings),
    ...missing(
      'openapi.json: event key',
      catalog.events.map((e) => e.key),
      openapiStrings,
    ),
    ...missing('schemas: property name', catalog.propertyNames, schemaStrings),
    ...missing('schemas: enum value', catalog.enumStrings, schemaStrings),
    ...missing('schemas: schema text', catalog.schemaTexts, schemaStrings),
    ...missingDescriptions('openapi.json', [...catalog.descriptions, ...catalog.schemaDescriptions], descriptionStrings(JSON.parse(openapi))),
    ...missingDescriptions('schemas', catalog.schemaDescriptions, schemaDescriptions),
  );
  return problems;
}

/** Descriptions that no output string shows: one without markdown must be there as it is, one in
 * markdown as a string a reader sees the same text in (CommonMark, read by remark). */
function missingDescriptions(where: string, descriptions: readonly string[], found: ReadonlySet<string>): string[] {
  let shown: Set<string> | undefined;
  return descriptions
    .filter((text) => {
      // Only spaces, tabs and line breaks: a blank line to CommonMark, which every output leaves out.
      if (found.has(text) || /^[ \t\r\n]*$/.test(text)) return false;
      if (!mayBeMarkdown(text)) return true;
      shown ??= new Set([...found].map(visibleText));
      return !shown.has(visibleText(text));
    })
    .map((text) => `${where}: description ${JSON.stringify(text.slice(0, 120))} is not in the output`);
}

/** `yaml-roundtrip`: openapi.yaml parses (strictly) to exactly what openapi.json holds. */
export function yamlRoundtrip(catalog: CatalogText, outputs: Outputs): string[] {
  const yaml = file(outputs, `${catalog.id}/openapi.yaml`);
  const json = file(outputs, `${catalog.id}/openapi.json`);
  if (yaml === undefined || json === undefined) return ['openapi.yaml or openapi.json was not generated'];
  let data: unknown;
  try {
    data = parseYamlStrict(yaml);
  } catch (error) {
    return [`openapi.yaml does not parse: ${(error as Error).message}`];
  }
  if (isDeepStrictEqual(data, JSON.parse(json))) return [];
  const fromYaml = stringsOf(data);
  const differing = [...stringsOf(JSON.parse(json))].filter((s) => !fromYaml.has(s));
  return [`openapi.yaml and openapi.json differ; strings only in the JSON: ${JSON.stringify(differing.slice(0, 10))}`];
}

/** `schemas-compile`: ajv compiles every schema file, and each catalog example passes its event's payload schema. */
export function schemasCompile(catalog: CatalogText, outputs: Outputs): string[] {
  const schemas = new Map<string, unknown>();
  for (const [name, text] of outputs) if (name.startsWith(`${catalog.id}/schemas/`) && name.endsWith('.json')) schemas.set(name, JSON.parse(text));
  if (schemas.size === 0) return ['no schema files were generated'];
  const { ajv, errors } = schemaValidator(schemas);
  for (const event of catalog.events) {
    const validate = ajv.getSchema(`${catalog.id}/schemas/payloads/${event.key}.schema.json`);
    if (validate === undefined) {
      errors.push(`no payload schema for ${event.key}`);
      continue;
    }
    event.examples.forEach((example, i) => {
      if (!validate(dataForAjv(example)))
        errors.push(`${event.key} example ${i + 1} fails its generated schema: ${JSON.stringify(validate.errors).slice(0, 500)}`);
    });
  }
  return errors;
}

/** `openapi-valid`: the OpenAPI document passes @seriousme/openapi-schema-validator. */
export async function openApiValid(catalog: CatalogText, outputs: Outputs): Promise<string[]> {
  const json = file(outputs, `${catalog.id}/openapi.json`);
  if (json === undefined) return ['openapi.json was not generated'];
  return openApiErrors(JSON.parse(json));
}

function pagesOf(catalog: CatalogText, outputs: Outputs): Map<string, Page> {
  const pages = new Map<string, Page>();
  for (const [name, text] of outputs) if (name.startsWith(`${catalog.id}/`) && name.endsWith('.md')) pages.set(name, readPage(text));
  return pages;
}

/** A cell shows `text`, whole, possibly followed by a marker the template adds (`(Deprecated)`);
 * text that is blank on one line may show as a placeholder. Word joiners (U+2060), which the
 * pages put into `www.`, `://` and `a@b` so that no literal link forms, are not compared. */
function startsCell(cell: string, text: string): boolean {
  const [shown, wanted] = [cell, text].map((t) => t.replace(/\u2060/g, ''));
  return wanted === '' || shown === wanted || shown!.startsWith(`${wanted} `);
}

/** `markdown-tables-intact`: every table row keeps its cells, and each event's row in the events page holds its title, key and description. */
export function markdownTablesIntact(catalog: CatalogText, outputs: Outputs): string[] {
  const pages = pagesOf(catalog, outputs);
  if (pages.size === 0) return ['no markdown pages were generated'];
  const problems: string[] = [];
  for (const [name, page] of pages) problems.push(...brokenRows(page).map((p) => `${name}: ${p}`));
  for (const locale of catalog.locales) {
    const page = pages.get(`${catalog.id}/${locale}/events.md`);
    if (page === undefined) {
      problems.push(`${catalog.id}/${locale}/events.md was not generated`);
      continue;
    }
    const rows = page.tables.flatMap((table) => table.slice(1));
    for (const event of catalog.events) {
      const cells = [shownAs(event.title(locale), false), event.key, shownAs(event.description(locale), true)];
      const row = rows.find((r) => r.includes(event.key));
      if (row === undefined) problems.push(`${locale}/events.md: no row for ${event.key}`);
      else
        for (const cell of cells)
          if (!row.some((c) => startsCell(c, cell)))
            problems.push(`${locale}/events.md: the row of ${event.key} has no cell ${JSON.stringify(cell)}: ${JSON.stringify(row)}`);
    }
  }
  return problems;
}

/** `no-raw-html`: no page has raw HTML built from catalog text; tags written in the catalog show as text. */
export function noRawHtml(catalog: CatalogText, outputs: Outputs): string[] {
  const pages = pagesOf(catalog, outputs);
  if (pages.size === 0) return ['no markdown pages were generated'];
  const problems: string[] = [];
  const catalogStrings = [...catalog.texts, ...catalog.descriptions, ...catalog.schemaDescriptions, ...catalog.valueStrings, ...catalog.propertyNames];
  for (const [name, page] of pages) {
    for (const html of page.html) {
      const fromCatalog = catalogStrings.some((s) => s.includes(html.trim()) || asOneLine(s).includes(html.trim()));
      problems.push(`${name}: raw HTML ${JSON.stringify(html.slice(0, 120))}${fromCatalog ? ' (from the catalog)' : ''}`);
    }
    const frontMatter = page.frontMatter as Record<string, unknown> | undefined;
    if (frontMatter !== undefined && (frontMatter === null || typeof frontMatter !== 'object')) problems.push(`${name}: front matter is not a mapping`);
    for (const [key, value] of Object.entries(frontMatter ?? {})) {
      if (typeof value === 'string' && (/[\r\n\u2028\u2029]/.test(value) || /<\/script/i.test(value)))
        problems.push(`${name}: front matter ${key} breaks its line or a script block: ${JSON.stringify(value)}`);
    }
  }
  return problems;
}

/** Catalog strings that are plain words in any script: they must come out byte for byte, even in code comments and pages. */
function plainWords(strings: readonly string[]): string[] {
  return strings.filter((s) => /^[\p{L}\p{M}\p{N}][\p{L}\p{M}\p{N} ,]*$/u.test(s) && /[^\x00-\x7f]/.test(s));
}

/** `unicode-exact`: non-ASCII text appears byte-exact in the JSON, YAML, TypeScript and markdown text. */
export function unicodeExact(catalog: CatalogText, outputs: Outputs): string[] {
  const problems: string[] = [];
  const words = plainWords([...catalog.texts, ...catalog.descriptions, ...catalog.schemaDescriptions, ...catalog.valueStrings, ...catalog.propertyNames]);
  if (words.length === 0) problems.push('the case has no non-ASCII words to check');
  for (const name of [`${catalog.id}/openapi.json`, `${catalog.id}/openapi.yaml`]) {
    const text = file(outputs, name) ?? '';
    for (const word of words) if (!text.includes(word)) problems.push(`${name}: ${JSON.stringify(word)} is not there byte for byte`);
  }
  const types = file(outputs, `${catalog.id}/types.ts`) ?? '';
  const inTypes = plainWords([...catalog.events.map((e) => e.title(catalog.sourceLocale)), ...catalog.enumStrings, ...catalog.propertyNames]);
  for (const word of inTypes) if (!types.includes(word)) problems.push(`types.ts: ${JSON.stringify(word)} is not there byte for byte`);
  for (const locale of catalog.locales) {
    const events = file(outputs, `${catalog.id}/${locale}/events.md`) ?? '';
    const shown = plainWords(catalog.events.flatMap((e) => [e.title(locale), e.description(locale)]));
    for (const word of shown) if (!events.includes(word)) problems.push(`${locale}/events.md: ${JSON.stringify(word)} is not there byte for byte`);
  }
  return problems;
}

/** `head-text-safe`: no front matter string of any page holds `<`, `>`, `"` or a `&` that could
 * start a character reference: VitePress writes some of them into HTML unescaped. */
export function headTextSafe(catalog: CatalogText, outputs: Outputs): string[] {
  const problems: string[] = [];
  for (const [name, page] of pagesOf(catalog, outputs)) {
    const strings = [...stringsOf(page.frontMatter ?? {})];
    for (const text of strings) if (/[<>"]|&[#A-Za-z0-9]/.test(text)) problems.push(`${name}: front matter string ${JSON.stringify(text.slice(0, 120))}`);
  }
  return problems;
}

/** `no-catalog-links`: every link on every page goes to another page of the catalog (a relative
 * `.md` path); no text of the catalog became a link. */
export function noCatalogLinks(catalog: CatalogText, outputs: Outputs): string[] {
  const problems: string[] = [];
  for (const [name, page] of pagesOf(catalog, outputs)) {
    for (const url of linksOf(page.tree)) if (!/^\.{1,2}\/[^:]*\.md$/.test(url)) problems.push(`${name}: a link to ${JSON.stringify(url)}`);
  }
  return problems;
}

/** `links-safe`: every link of every page goes to a page of the catalog or, written as a markdown
 * link in a description, to an https, http, mailto or relative target; the descriptions in
 * openapi.json (CommonMark) hold no raw HTML, image or link definition, and link only to such targets. */
export function linksSafe(catalog: CatalogText, outputs: Outputs): string[] {
  const problems: string[] = [];
  for (const [name, page] of pagesOf(catalog, outputs)) {
    for (const url of linksOf(page.tree)) if (!isAllowedLink(url)) problems.push(`${name}: a link to ${JSON.stringify(url)}`);
  }
  const openapi = file(outputs, `${catalog.id}/openapi.json`);
  if (openapi === undefined) return [...problems, 'openapi.json was not generated'];
  for (const description of descriptionStrings(JSON.parse(openapi))) {
    const { links, markup } = commonMarkLinks(description);
    for (const url of links) if (!isAllowedLink(url)) problems.push(`openapi.json: a description links to ${JSON.stringify(url)}`);
    if (markup.length > 0) problems.push(`openapi.json: a description has ${markup.join(', ')}: ${JSON.stringify(description.slice(0, 120))}`);
  }
  return problems;
}

/** Runs the named property checks; returns problems by property. */
export async function checkProperties(catalog: CatalogText, outputs: Outputs, properties: readonly Property[]): Promise<Record<string, string[]>> {
  const checks: Record<Property, (c: CatalogText, o: Outputs) => string[] | Promise<string[]>> = {
    'ts-compiles': tsCompiles,
    'ts-means': tsMeans,
    'json-roundtrip': jsonRoundtrip,
    'yaml-roundtrip': yamlRoundtrip,
    'schemas-compile': schemasCompile,
    'openapi-valid': openApiValid,
    'markdown-tables-intact': markdownTablesIntact,
    'no-raw-html': noRawHtml,
    'unicode-exact': unicodeExact,
    'head-text-safe': headTextSafe,
    'no-catalog-links': noCatalogLinks,
    'links-safe': linksSafe,
  };
  const problems: Record<string, string[]> = {};
  for (const property of properties) {
    const found = await checks[property](catalog, outputs);
    if (found.length > 0) problems[property] = found;
  }
  return problems;
}
