/**
 * XLIFF 2.0, read and written with the `xliff` package. One `<file>` per catalog (its id is the
 * catalog id), one `<unit>` per text: the unit's `name` is the text id (unit ids are `t1`,
 * `t2`...: XLIFF ids are NMTOKENs, text ids hold `/`), notes give the position. A stale
 * translation is left out of `<target>` and given in a note, so it is only imported once redone.
 */
import type { ExchangeDocument, ImportedDocument, ImportedUnit } from './exchange.js';

/**
 * Characters XML 1.0 cannot hold, even as `&#...;`: C0 controls but tab and line breaks, U+FFFE,
 * U+FFFF and unpaired surrogates. XLIFF 2.0 writes each as `<cp hex="0001"/>` (§4.2.3.3); the
 * `xliff` package knows no `<cp>`, so a marker stands in for it on the way in and out.
 */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const CP_ELEMENT = /<cp\s+hex\s*=\s*["']([0-9A-Fa-f]{1,6})["']\s*(?:\/>|>\s*<\/cp\s*>)/g;
/** A character of NOT_XML as written in a unit's `name` and in notes, where no `<cp>` may go. */
const NAMED_CODE_POINT = /\\u\{([0-9A-F]{4})\}/g;

/** The entity name of each character the writer escapes itself. */
const ENTITIES: { readonly [character: string]: string } = { '&': 'amp', '<': 'lt', '>': 'gt' };

/** A marker `hookcat-cp<n>-` that `text` does not contain. */
function markerAbsentFrom(text: string): string {
  let n = 0;
  while (text.includes(`hookcat-cp${n}-`)) n += 1;
  return `hookcat-cp${n}-`;
}

/** The document as XLIFF 2.0 text. */
export async function writeXliff(document: ExchangeDocument): Promise<string> {
  const { default: js2xliff } = await import('xliff/js2xliff');
  const marker = markerAbsentFrom(JSON.stringify(document));
  // xml-js, which the package writes with, reads `&amp;` in a text as `&` before escaping it
  // (`AT&amp;T` came back `AT&T`) and leaves `&` and `<` raw in attributes: markers stand for them.
  const escaped = (text: string): string => text.replace(/[&<>]/g, (c) => `${marker}${ENTITIES[c]}.`);
  const marked = (text: string): string => escaped(text).replace(NOT_XML, (c) => `${marker}${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}.`);
  const units: Record<string, import('xliff/xliff2js').XliffUnit> = {};
  document.units.forEach((unit, i) => {
    const note = [escaped(`${unit.file}:${unit.line}:${unit.column}`), escaped(`path ${unit.pointer.replace(NOT_XML, codePointName)}`)];
    // A note holds text only (no <cp>): what XML cannot hold is named there.
    if (unit.previous !== undefined)
      note.push(escaped(`stale: the source text changed since this translation: ${unit.previous.replace(NOT_XML, codePointName)}`));
    units[`t${i + 1}`] = {
      source: marked(unit.source),
      ...(unit.target !== undefined && unit.state !== 'stale' ? { target: marked(unit.target) } : {}),
      note,
      additionalAttributes: { name: escaped(unit.id.replace(NOT_XML, codePointName)) },
    };
  });
  const xml = await js2xliff(
    { sourceLanguage: document.sourceLocale, targetLanguage: document.targetLocale, resources: { [document.catalog]: units } },
    { indent: '  ' },
  );
  return `${xml.replace(new RegExp(`${marker}([0-9A-F]{4})\\.`, 'g'), '<cp hex="$1"/>').replace(new RegExp(`${marker}(amp|lt|gt)\\.`, 'g'), '&$1;')}\n`;
}

/** XLIFF 2.0 text -> units with a translation. */
export async function readXliff(text: string): Promise<ImportedDocument> {
  const { default: xliff2js } = await import('xliff/xliff2js');
  const marker = markerAbsentFrom(text);
  const document = await xliff2js(
    text.replace(CP_ELEMENT, (_, hex: string) => `${marker}${hex.toUpperCase()}.`),
    {},
  );
  const unmarked = (value: string): string =>
    value.replace(new RegExp(`${marker}([0-9A-F]{1,6})\\.`, 'g'), (_, hex: string) => codePoint(Number.parseInt(hex, 16)));
  const files = Object.entries(document.resources ?? {});
  if (files.length !== 1 || document.targetLanguage === undefined) throw new Error('the XLIFF file must hold one <file> (one catalog) and name its trgLang');
  const [catalog, units] = files[0]!;
  const imported: ImportedUnit[] = [];
  const unreadable: string[] = [];
  for (const unit of Object.values(units)) {
    const name = unit.additionalAttributes?.['name'];
    if (name === undefined || unit.target === undefined || unit.target === '' || typeof unit.source !== 'string') continue;
    const id = nameToId(name);
    if (typeof unit.target !== 'string') {
      unreadable.push(id);
      continue;
    }
    imported.push({ id, source: unmarked(unit.source), target: unmarked(unit.target), fuzzy: false });
  }
  return { catalog, targetLocale: document.targetLanguage, units: imported, unreadable };
}

function codePointName(character: string): string {
  return `\\u{${character.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}}`;
}

/** A unit's `name` as the text id it was written from. */
function nameToId(name: string): string {
  return name.replace(NAMED_CODE_POINT, (written, hex: string) => {
    const character = String.fromCharCode(Number.parseInt(hex, 16));
    return character.replace(NOT_XML, '') === '' ? character : written;
  });
}

/** The character of a `<cp>`; one past Unicode is U+FFFD, as a decoder reads a bad byte. */
function codePoint(value: number): string {
  return value <= 0x10ffff ? String.fromCodePoint(value) : '\uFFFD';
}
