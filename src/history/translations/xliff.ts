/**
 * XLIFF 2.0, read and written with the `xliff` package. One `<file>` per catalog (its id is the
 * catalog id), one `<unit>` per text: the unit's `name` is the text id (unit ids are `t1`,
 * `t2`...: XLIFF ids are NMTOKENs, text ids hold `/`), notes give the position. A stale
 * translation is left out of `<target>` and given in a note, so it is only imported once redone.
 */
import type { ExchangeDocument, ImportedDocument, ImportedUnit } from './exchange.js';

/** The document as XLIFF 2.0 text. */
export async function writeXliff(document: ExchangeDocument): Promise<string> {
  const { default: js2xliff } = await import('xliff/js2xliff');
  const units: Record<string, import('xliff/xliff2js').XliffUnit> = {};
  document.units.forEach((unit, i) => {
    const note = [`${unit.file}:${unit.line}:${unit.column}`, `path ${unit.pointer}`];
    if (unit.previous !== undefined) note.push(`stale: the source text changed since this translation: ${unit.previous}`);
    units[`t${i + 1}`] = {
      source: unit.source,
      ...(unit.target !== undefined && unit.state !== 'stale' ? { target: unit.target } : {}),
      note,
      additionalAttributes: { name: unit.id },
    };
  });
  const xml = await js2xliff(
    { sourceLanguage: document.sourceLocale, targetLanguage: document.targetLocale, resources: { [document.catalog]: units } },
    { indent: '  ' },
  );
  return `${xml}\n`;
}

/** XLIFF 2.0 text -> units with a translation. */
export async function readXliff(text: string): Promise<ImportedDocument> {
  const { default: xliff2js } = await import('xliff/xliff2js');
  const document = await xliff2js(text, {});
  const files = Object.entries(document.resources ?? {});
  if (files.length !== 1 || document.targetLanguage === undefined) throw new Error('the XLIFF file must hold one <file> (one catalog) and name its trgLang');
  const [catalog, units] = files[0]!;
  const imported: ImportedUnit[] = [];
  for (const unit of Object.values(units)) {
    const id = unit.additionalAttributes?.['name'];
    if (id === undefined || typeof unit.target !== 'string' || unit.target === '' || typeof unit.source !== 'string') continue;
    imported.push({ id, source: unit.source, target: unit.target, fuzzy: false });
  }
  return { catalog, targetLocale: document.targetLanguage, units: imported };
}
