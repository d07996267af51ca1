/**
 * Which message files serve a locale, and what they lack: for the warning when pages are made
 * in a language that has no message file (its pages would borrow another language's headings,
 * table headers and Yes/No), and for `hookcat messages missing <locale>`.
 */
import path from 'node:path';
import { displayPath } from '../catalog/read-catalogs.js';
import type { Diagnostic } from '../diagnostics.js';
import type { TemplateSet } from '../emit/emitter.js';
import { DEFAULT_MESSAGES_LOCALE, messageChain, ownMessagesLocale } from './chain.js';
import { fallbackChain, generalTags } from '../locale/tags.js';
import type { Catalog } from '../model/types.js';

export interface MessageCoverage {
  readonly locale: string;
  /** The message files of the locale's own language that exist (`zh-Hant` for `zh-Hant-TW`), most specific first. */
  readonly files: readonly string[];
  /** Ids of the English file (the complete set) that none of `files` has, in its order. */
  readonly missing: readonly string[];
}

/** What `locale`'s own message files lack, compared with the English file. */
export function messageCoverage(templates: TemplateSet, locale: string): MessageCoverage {
  const files = generalTags(locale).filter((tag) => Object.hasOwn(templates.messages, tag));
  const reference = Object.keys(templates.messages[DEFAULT_MESSAGES_LOCALE] ?? {});
  const missing = reference.filter((id) => !files.some((file) => Object.hasOwn(templates.messages[file]!, id)));
  return { locale, files, missing };
}

/**
 * HC351 for each locale pages are made in whose language has no message file, naming the file
 * to add under `templatesDir` (the folder a project's own templates and messages go in).
 * `locales`: the locales asked for (`--locale`); undefined for every locale of each catalog.
 */
export function messageFileWarnings(
  catalogs: readonly Catalog[],
  templates: TemplateSet,
  locales: readonly string[] | undefined,
  templatesDir: string,
): Diagnostic[] {
  const pages = new Map<string, { catalogs: string[]; serves: string }>();
  for (const catalog of catalogs) {
    for (const locale of catalog.locales) {
      if ((locales !== undefined && !locales.includes(locale)) || ownMessagesLocale(templates, locale) !== undefined) continue;
      const entry = pages.get(locale) ?? {
        catalogs: [],
        serves: messageChain(templates, fallbackChain(locale, catalog.fallbackLocale, catalog.sourceLocale))[0] ?? DEFAULT_MESSAGES_LOCALE,
      };
      entry.catalogs.push(catalog.id);
      pages.set(locale, entry);
    }
  }
  return [...pages].map(([locale, { catalogs: ids, serves }]) => {
    const general = generalTags(locale);
    const widest = general[general.length - 1]!;
    return {
      code: 'HC351',
      severity: 'warning',
      file: displayPath(path.join(templatesDir, 'messages', `${locale}.json`)),
      line: 1,
      column: 1,
      message: `pages in \`${locale}\` (catalog ${ids.join(', ')}) have no message file of their own language: their headings, table headers and Yes/No come from ${serves}.json`,
      hint: `add this file${widest === locale ? '' : ` (or ${widest}.json, for every ${widest} locale)`} with the ids of ${DEFAULT_MESSAGES_LOCALE}.json translated; \`hookcat messages missing ${locale}\` lists them`,
    };
  });
}
