/**
 * The downloads page of one catalog in one locale: links to the OpenAPI fragment, the JSON
 * Schemas (the bundle, each event's payload and delivered event, each shared schema) and the
 * TypeScript types, copied from `generated/<catalog>/` into the site under `/downloads/<catalog>/`.
 */
import { codeSpan, inlineText, literal } from '../emit/markdown/escape.js';
import type { Catalog } from '../model/types.js';
import type { SiteLabels } from './labels.js';
import { markdownLink, messageMarkdown, sitePageHead } from './site-page.js';

/** Where a catalog's downloads live on the site, from its root: `downloads/<catalog>/`. */
export function downloadsFolder(catalogId: string): string {
  return `downloads/${catalogId}/`;
}

export interface DownloadsPageInput {
  readonly catalog: Catalog;
  readonly locale: string;
  /** Files of `generated/<catalog>/` offered for download, relative to it (`openapi.yaml`, `schemas/events/x.schema.json`). */
  readonly files: ReadonlySet<string>;
  /** `../` or `../../`: from the catalog's folder of pages up to the site's root. */
  readonly toRoot: string;
  readonly labels: SiteLabels;
}

function fileLink(input: DownloadsPageInput, file: string): string {
  return markdownLink(codeSpan(file.split('/').at(-1) ?? file, true), `${input.toRoot}${downloadsFolder(input.catalog.id)}${file}`);
}

function openApiSection(input: DownloadsPageInput): string[] {
  const files = ['openapi.yaml', 'openapi.json'].filter((f) => input.files.has(f));
  if (files.length === 0) return [];
  return ['## OpenAPI', literal(input.labels.site_openapiText), files.map((f) => `- ${fileLink(input, f)}`).join('\n')];
}

function row(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`;
}

function table(head: readonly string[], rows: readonly (readonly string[])[]): string {
  return [row(head), row(head.map(() => '---')), ...rows.map(row)].join('\n');
}

function schemasSection(input: DownloadsPageInput): string[] {
  const { catalog, files, labels } = input;
  const has = (file: string): boolean => files.has(file);
  const cell = (file: string): string => (has(file) ? fileLink(input, file) : '—');
  const events = catalog.events.filter((e) => has(`schemas/payloads/${e.key}.schema.json`) || has(`schemas/events/${e.key}.schema.json`));
  const shared = catalog.schemas.filter((s) => has(`schemas/shared/${s.name}.schema.json`));
  const parts: string[] = [];
  if (has('schemas/bundle.schema.json')) parts.push(messageMarkdown(labels.site_bundleText, { file: fileLink(input, 'schemas/bundle.schema.json') }));
  if (events.length > 0)
    parts.push(
      table(
        [literal(labels.event), literal(labels.payloadHeading), literal(labels.site_deliveredEvent)],
        events.map((e) => [
          markdownLink(codeSpan(e.key, true), `./events/${e.key}.md`),
          cell(`schemas/payloads/${e.key}.schema.json`),
          cell(`schemas/events/${e.key}.schema.json`),
        ]),
      ),
    );
  if (shared.length > 0)
    parts.push(
      table(
        [literal(labels.sharedSchemas), literal(labels.site_jsonSchemas)],
        shared.map((s) => [markdownLink(codeSpan(s.name, true), `./schemas/${s.name}.md`), cell(`schemas/shared/${s.name}.schema.json`)]),
      ),
    );
  return parts.length === 0 ? [] : [`## ${literal(labels.site_jsonSchemas)}`, ...parts];
}

function typesSection(input: DownloadsPageInput): string[] {
  if (!input.files.has('types.ts')) return [];
  return [`## ${literal(input.labels.site_typesHeading)}`, messageMarkdown(input.labels.site_typesText, { file: fileLink(input, 'types.ts') })];
}

/** `downloads.md` of a catalog in a locale. */
export function downloadsPage(input: DownloadsPageInput, order: number): string {
  const { labels } = input;
  const head = sitePageHead({
    title: labels.site_downloads,
    description: labels.site_downloadsIntro,
    catalog: input.catalog.id,
    locale: input.locale,
    page: 'downloads',
    order,
  });
  const parts = [
    `# ${inlineText(labels.site_downloads)}`,
    literal(labels.site_downloadsIntro),
    ...openApiSection(input),
    ...schemasSection(input),
    ...typesSection(input),
  ];
  return `${head}\n${parts.join('\n\n')}\n`;
}
