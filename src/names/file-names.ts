/**
 * The one mapping from an event key or a shared schema name to the name of its files and the
 * segment of its URLs: `payloads/<name>.schema.json`, `events/<name>.md`, `/events/<name>`.
 * A key keeps its letters, digits, `.`, `-` and `_`, and its case; `/` and `:` become `~`
 * (`orders/create` -> `orders~create`, `repo:push` -> `repo~push`): `/` would make a folder,
 * `:` is refused by Windows and shown as `/` by macOS, and `~` is allowed in file names
 * everywhere, unreserved in URLs, and never part of a key. Shared schema names are file names
 * already (letters, digits, `-`, `_`).
 */

/** The file-name form of an event key. */
export function keyFileName(key: string): string {
  return key.replace(/[/:]/g, '~');
}

/** The file-name form of a shared schema name: the name itself. */
export function schemaFileName(name: string): string {
  return name;
}

/**
 * What two file names are compared by: macOS and Windows file systems ignore case by default,
 * so `Order.Created.md` and `order.created.md` would be one file there. Names are ASCII (the
 * catalog format allows nothing else), so lower-casing is the comparison those file systems make.
 */
export function fileNameIdentity(fileName: string): string {
  return fileName.toLowerCase();
}

/** Device names Windows reserves: a file whose name before its first dot is one of them (any
 * case: `nul.md`, `Con.schema.json`, `aux/`) cannot be created there, nor checked out by git. */
const WINDOWS_DEVICE_NAMES: ReadonlySet<string> = new Set([
  'con',
  'prn',
  'aux',
  'nul',
  ...Array.from({ length: 10 }, (_, n) => `com${n}`),
  ...Array.from({ length: 10 }, (_, n) => `lpt${n}`),
]);

/** The device name Windows reads `fileName` as (`nul.created.md` is `nul`), or undefined. */
export function windowsDeviceName(fileName: string): string | undefined {
  const stem = fileName.split('.')[0]!.toLowerCase();
  return WINDOWS_DEVICE_NAMES.has(stem) ? stem : undefined;
}
