/**
 * gettext PO, read and written with gettext-parser. One entry per text: `msgctxt` is the text
 * id, `msgid` the source text, `msgstr` the translation; the reference comment gives the file
 * and line (`#: events/orders.yaml:113`), the extracted comment the column and data path. A
 * stale translation is kept with the `fuzzy` flag, as gettext does; fuzzy entries are not imported.
 */
import type { ExchangeDocument, ImportedDocument, ImportedUnit } from './exchange.js';

const CATALOG_HEADER = 'X-Hookcat-Catalog';

/** The document as PO text. */
export async function writePo(document: ExchangeDocument): Promise<string> {
  const { po } = await import('gettext-parser');
  const entries: Record<string, Record<string, import('gettext-parser').PoEntry>> = {
    '': { '': { msgid: '', msgstr: [''] } },
  };
  for (const unit of document.units) {
    const comments = {
      reference: `${unit.file}:${unit.line}`,
      extracted: `hookcat: column ${unit.column}, path ${unit.pointer}${unit.state === 'stale' ? ', the source text changed since this translation' : ''}`,
      ...(unit.state === 'stale' ? { flag: 'fuzzy' } : {}),
    };
    entries[unit.id] = { [unit.source]: { msgctxt: unit.id, msgid: unit.source, msgstr: [unit.target ?? ''], comments } };
  }
  const table = {
    charset: 'utf-8',
    headers: {
      'Content-Type': 'text/plain; charset=UTF-8',
      'Content-Transfer-Encoding': '8bit',
      Language: document.targetLocale,
      'X-Source-Language': document.sourceLocale,
      [CATALOG_HEADER]: document.catalog,
    },
    translations: entries,
  };
  return po.compile(table, { foldLength: 0 }).toString('utf8');
}

/** PO text -> units with a translation; the catalog and locale from the headers. */
export async function readPo(text: string): Promise<ImportedDocument> {
  const { po } = await import('gettext-parser');
  const table = po.parse(text);
  const header = (name: string): string => {
    const key = Object.keys(table.headers).find((h) => h.toLowerCase() === name.toLowerCase());
    const value = key === undefined ? undefined : table.headers[key];
    if (value === undefined || value === '') throw new Error(`the PO file has no ${name} header`);
    return value;
  };
  const units: ImportedUnit[] = [];
  for (const [context, entries] of Object.entries(table.translations)) {
    if (context === '') continue;
    for (const entry of Object.values(entries)) {
      const target = entry.msgstr[0] ?? '';
      if (target === '') continue;
      units.push({ id: context, source: entry.msgid, target, fuzzy: (entry.comments?.flag ?? '').split(/[,\s]+/).includes('fuzzy') });
    }
  }
  return { catalog: header(CATALOG_HEADER), targetLocale: header('Language'), units };
}
