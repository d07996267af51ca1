/**
 * What `hookcat import openapi` and `hookcat import json-schema` do (see `command.ts`): read the
 * source, import it (pure functions, see openapi.ts and json-schema.ts), write the catalog folder,
 * then load it as `validate` would and print what it finds.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { formatDiagnostics, hasErrors } from '../diagnostics.js';
import { UsageError } from '../usage-error.js';
import { isWithin } from '../path-inside.js';
import { CATALOG_FILE, listCatalogFiles } from '../catalog/files.js';
import { loadCatalogs } from '../load.js';
import { importJsonSchemas, readSchemaFolder } from './json-schema.js';
import { importOpenApi, type ImportResult } from './openapi.js';
import { accepts, isActionFieldName, isTypeHeaderName } from './names.js';
import { formatImportProblems } from './problems.js';
import { parseSourceDocument } from './source-document.js';
import type { WrittenCatalogFile } from '../catalog/written-file.js';
import { CheckMemory } from '../catalog/checks/check.js';
import type { PayloadValidators } from '../catalog/checks/payload-validators.js';
import type { CatalogHandOff } from '../load.js';
import { writtenCatalogFiles } from './write-yaml.js';
import { asFileSystemError } from '../write/fs-error.js';

export interface ImportFlags {
  out?: string;
  id?: string;
  typeHeader?: string;
  actionField?: string;
  force?: true;
  key?: string;
  /** `--generate`: the catalogs folder `hookcat generate` runs over next, which the catalog is
   * written into (`<folder>/<id>` by default); that run checks the catalog, so it is not loaded here. */
  generate?: true;
  generateFrom?: string | undefined;
}

/** What an import command ended with: its exit code, the id of the catalog it wrote (or would
 * have), and what it hands `hookcat generate` (the files it wrote with their data, the validators
 * its example check compiled). */
export interface ImportOutcome {
  readonly code: number;
  readonly id: string;
  readonly handOff: CatalogHandOff;
}

/** The flags that name parts of the catalog, refused before anything is read or written. */
function checkFlags(flags: ImportFlags): void {
  if (flags.typeHeader !== undefined && !isTypeHeaderName(flags.typeHeader))
    throw new UsageError(`--type-header ${flags.typeHeader}: a header name is letters, digits and -, like X-Forge-Event`);
  if (flags.actionField !== undefined && !isActionFieldName(flags.actionField))
    throw new UsageError(`--action-field ${flags.actionField}: a field name is letters, digits and _, not starting with a digit, like action`);
}

/** A `--key` pattern: text with `{dir}` and `{name}`, and `{name}` in it (else every file would get one key). */
function checkKeyPattern(pattern: string): void {
  const unknown = [...pattern.matchAll(/\{[^}]*\}/g)].map((m) => m[0]).find((part) => part !== '{dir}' && part !== '{name}');
  if (unknown !== undefined) throw new UsageError(`--key ${pattern}: ${unknown} is no part of a key pattern; use {dir} and {name}`);
  if (!pattern.includes('{name}')) throw new UsageError(`--key ${pattern}: the pattern needs {name}, or every file would get one key`);
}

/** `import openapi <file>`. */
export async function importOpenApiFile(file: string, flags: ImportFlags): Promise<ImportOutcome> {
  checkFlags(flags);
  const id = catalogId(flags, file);
  const out = outFolder(flags, id);
  const source = parseSourceDocument(await readSource(file));
  const { checks, validators } = exampleChecks(out);
  const result: ImportResult =
    'problem' in source
      ? { catalog: undefined, problems: [source.problem] }
      : importOpenApi(source.document, { id, typeHeader: flags.typeHeader, actionField: flags.actionField, validators });
  return { ...(await finish({ path: file, isFolder: false }, result, flags, out, checks)), id };
}

/** `import json-schema <folder> --key <pattern>`. */
export async function importSchemaFolder(folder: string, flags: ImportFlags): Promise<ImportOutcome> {
  checkFlags(flags);
  checkKeyPattern(flags.key!);
  const id = catalogId(flags, folder);
  const out = outFolder(flags, id);
  const files = await readSchemaFolder(folder).catch((error: unknown) => {
    throw new UsageError(`cannot read ${folder}: ${error instanceof Error ? error.message : String(error)}`);
  });
  const { checks, validators } = exampleChecks(out);
  const result = importJsonSchemas(files, { id, key: flags.key!, typeHeader: flags.typeHeader, actionField: flags.actionField, validators });
  return { ...(await finish({ path: folder, isFolder: true }, result, flags, out, checks)), id };
}

/** The loader's memory of checks for the catalog at `out`, with the validators the import checks
 * its examples with: the load that follows finds them compiled. */
function exampleChecks(out: string): { checks: CheckMemory; validators: PayloadValidators } {
  const checks = new CheckMemory();
  return { checks, validators: checks.validatorsFor(out) };
}

async function readSource(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** `--id`, which names the catalog and its folder (`catalog/<id>`), else one from the source's name. */
function catalogId(flags: ImportFlags, source: string): string {
  if (flags.id === undefined) return idFrom(source);
  if (!accepts('id', flags.id)) throw new UsageError(`--id ${flags.id}: a catalog id is lower-case letters and digits, with - or _ between them`);
  return flags.id;
}

/** The folder the catalog is written to: `--out`, else `<catalogs>/<id>` (`catalog/<id>`); with
 * `--generate`, one inside the folder of catalogs that generate reads. */
function outFolder(flags: ImportFlags, id: string): string {
  const from = flags.generateFrom;
  const out = flags.out ?? path.join(from ?? 'catalog', id);
  if (from === undefined) return out;
  // A config whose `catalogs` is one catalog folder: a catalog written inside it would join that catalog's files.
  if (existsSync(path.join(from, CATALOG_FILE)))
    throw new UsageError(`--generate: ${from} (the config's catalogs) is one catalog folder, not a folder of catalogs: import without --generate`);
  if (!isWithin(path.resolve(out), path.resolve(from)))
    throw new UsageError(`--generate generates the catalogs in ${from}, and ${out} is not inside it: choose --out inside it`);
  return out;
}

/** A catalog id from a file or folder name: `api.github.com.json` -> `api-github-com`. */
function idFrom(source: string): string {
  const base = path.basename(source).replace(/\.(json|ya?ml)$/i, '');
  return (
    base
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^[^a-z]+|-+$/g, '') || 'imported'
  );
}

/** Whether `out` is missing or an empty folder; a usage error when it is no folder. */
function isEmptyFolder(out: string): boolean {
  try {
    if (!existsSync(out)) return true;
    if (!statSync(out).isDirectory()) throw new UsageError(`--out ${out} is a file, not a folder: choose another --out`);
    return readdirSync(out).length === 0;
  } catch (error) {
    throw asFileSystemError(error, out, 'read') ?? error;
  }
}

/** With `--force` over an earlier import: the YAML files the loader would read as part of the
 * catalog that this import does not write (an old category's file) are removed, each named,
 * so the catalog is the source's and not a mix of two imports. */
async function removeStaleCatalogFiles(out: string, written: ReadonlyMap<string, WrittenCatalogFile>): Promise<void> {
  if (!existsSync(out)) return;
  try {
    // The files the loader reads as the catalog's, by its own rule.
    for (const relative of (await listCatalogFiles(out, (file) => file)).files) {
      const file = path.join(out, relative);
      if (written.has(path.resolve(file))) continue;
      await unlink(file);
      process.stderr.write(`import: removed ${file}, a catalog file this import does not write\n`);
    }
  } catch (error) {
    throw asFileSystemError(error, out) ?? error;
  }
}

/** Writes the catalog's files, a failure of the disk reported as one line (`FileSystemError`). */
async function writeCatalogFiles(written: ReadonlyMap<string, WrittenCatalogFile>): Promise<void> {
  let target = '';
  try {
    for (const folder of new Set([...written.keys()].map((file) => path.dirname(file)))) await mkdir((target = folder), { recursive: true });
    // Side by side: one after the other, GitHub's 77 files took 70 to 130 ms.
    await Promise.all(
      [...written].map(([file, made]) => writeFile(file, made.text).catch((error: unknown) => Promise.reject(asFileSystemError(error, file) ?? error))),
    );
  } catch (error) {
    throw asFileSystemError(error, target) ?? error;
  }
}

/** Prints the problems, writes the catalog, validates it (unless `hookcat generate` runs next). */
async function finish(
  source: { readonly path: string; readonly isFolder: boolean },
  result: ImportResult,
  flags: ImportFlags,
  out: string,
  checks: CheckMemory,
): Promise<{ code: number; handOff: CatalogHandOff }> {
  const written = new Map<string, WrittenCatalogFile>();
  const handOff = { written, checks };
  if (result.problems.length > 0) process.stderr.write(formatImportProblems(source.path, result.problems, source.isFolder));
  if (result.catalog === undefined) return { code: 1, handOff };
  if (!isEmptyFolder(out) && flags.force !== true) throw new UsageError(`${out} is not empty: choose another --out, or pass --force`);
  const files = writtenCatalogFiles(result.catalog, path.basename(source.path));
  for (const [file, made] of files) written.set(path.resolve(out, file), made);
  if (flags.force === true) await removeStaleCatalogFiles(out, written);
  await writeCatalogFiles(written);
  process.stderr.write(`import: wrote ${result.catalog.events.length} events, ${result.catalog.schemas.size} shared schemas to ${out}\n`);
  if (flags.generateFrom !== undefined) return { code: 0, handOff };
  const { diagnostics } = await loadCatalogs([out], { handOff });
  process.stderr.write(formatDiagnostics(diagnostics, { color: false }));
  return { code: hasErrors(diagnostics) ? 1 : 0, handOff };
}
