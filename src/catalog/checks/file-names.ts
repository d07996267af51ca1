/**
 * Names that become file names fit one: event keys (`schemas/events/<key>.schema.json`,
 * `<locale>/events/<key>.md`), shared schema names (`schemas/shared/<Name>.schema.json`) and
 * the catalog id (the output folder `<id>/`). ext4, APFS and NTFS allow 255 bytes (UTF-8, or
 * UTF-16 units on NTFS: never more than the UTF-8 bytes) per path segment; a longer name would
 * pass `validate` and then fail `generate` with ENAMETOOLONG. Nor may a name make a file (or a
 * locale a folder) that Windows reads as a device (`nul.md`, `con/`): it cannot be written there,
 * and a repository holding the output cannot be checked out.
 */
import type { Diagnostic } from '../../diagnostics.js';
import { diagnosticAt, type Target } from '../positions.js';
import type { DataPath, SourceFile } from '../source-file.js';
import type { Check } from './check.js';
import { keyFileName, schemaFileName, windowsDeviceName } from '../../names/file-names.js';

/** Longest file name on common file systems, in bytes. */
export const MAX_FILE_NAME_BYTES = 255;
/** The longest ending hookcat adds to a key or a schema name to make a file name. */
const LONGEST_SUFFIX = '.schema.json';

export const checkFileNames: Check = (source) => {
  const diagnostics: Diagnostic[] = [];
  const check = (name: string, fileName: string, what: string, file: SourceFile, path: DataPath, target: Target): void => {
    const device = windowsDeviceName(fileName);
    if (device !== undefined) {
      diagnostics.push(
        diagnosticAt(
          file,
          path,
          'HC317',
          'error',
          `the ${what} \`${name}\` makes the file name \`${fileName}\`, which Windows reads as its device \`${device.toUpperCase()}\`: it cannot be written or checked out there`,
          'rename it: Windows reserves CON, PRN, AUX, NUL, COM0-COM9 and LPT0-LPT9, alone or before a `.`, in any case',
          target,
        ),
      );
      return;
    }
    const bytes = Buffer.byteLength(fileName, 'utf8');
    if (bytes <= MAX_FILE_NAME_BYTES) return;
    const room = MAX_FILE_NAME_BYTES - (bytes - Buffer.byteLength(name, 'utf8'));
    diagnostics.push(
      diagnosticAt(
        file,
        path,
        'HC317',
        'error',
        `the ${what} \`${name.slice(0, 40)}...\` makes the file name \`${fileName.slice(0, 20)}...${fileName.slice(-20)}\` of ${bytes} bytes; file systems allow ${MAX_FILE_NAME_BYTES}`,
        `shorten it to at most ${room} bytes`,
        target,
      ),
    );
  };
  const metadata = source.metadata;
  if (metadata !== undefined) {
    check(metadata.value.id, metadata.value.id, 'catalog id', metadata.file, [...metadata.path, 'id'], 'value');
    // Each locale names the folder of its pages (`<id>/<locale>/`).
    (metadata.value.locales ?? []).forEach((locale, i) => {
      if (typeof locale === 'string') check(locale, locale, 'locale', metadata.file, [...metadata.path, 'locales', i], 'value');
    });
  }
  for (const { value, file, path } of source.events)
    check(value.key, `${keyFileName(value.key)}${LONGEST_SUFFIX}`, 'event key', file, [...path, 'key'], 'value');
  for (const { name, file, path } of source.schemas) check(name, `${schemaFileName(name)}${LONGEST_SUFFIX}`, 'shared schema name', file, path, 'key');
  return diagnostics;
};
