/**
 * `hookcat diff --attach <version>`: records the changes under that version in each catalog's
 * `catalog.versions` (as `changes:`), for the changelog page. The file is edited in place: the
 * `changes:` entry of the version is replaced (or added at the end of the entry) and every other
 * byte stays; the result must parse to exactly the data expected.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { Document, isMap, isScalar, parseDocument, type Node, type Pair } from 'yaml';
import { CATALOG_FILE, findCatalogFolders } from '../../catalog/files.js';
import type { Change } from './change.js';

/** Attaching failed; nothing was written for that catalog. */
export class AttachError extends Error {}

function flowLine(change: Change): string {
  const document = new Document({ level: change.level, rule: change.rule, subject: change.subject, path: change.path, message: change.message });
  if (isMap(document.contents)) document.contents.flow = true;
  return document.toString({ lineWidth: 0 }).trim();
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** `source` (a catalog.yaml) with `changes` recorded under `version`. */
export function attachToSource(source: string, version: string, changes: readonly Change[]): string {
  const document = parseDocument(source);
  const versions = document.getIn(['catalog', 'versions'], true) as Node | undefined;
  const list = (document.toJS() as { catalog?: { versions?: { version?: string }[] } } | null)?.catalog?.versions ?? [];
  const index = list.findIndex((v) => v?.version === version);
  const entry = index < 0 ? undefined : (document.getIn(['catalog', 'versions', index], true) as Node | undefined);
  if (versions === undefined || entry === undefined || !isMap(entry))
    throw new AttachError(`version \`${version}\` is not declared under \`catalog.versions\``);
  if (entry.flow || entry.range === undefined || entry.range === null)
    throw new AttachError(`write the entry of version \`${version}\` as a block mapping to attach changes to it`);
  const indent = ' '.repeat(entry.range[0] - lineStart(source, entry.range[0]));
  const lines = changes.length === 0 ? [`${indent}changes: []`] : [`${indent}changes:`, ...changes.map((c) => `${indent}  - ${flowLine(c)}`)];
  const block = `${lines.join('\n')}\n`;
  const old = entry.items.find((p: Pair) => isScalar(p.key) && p.key.value === 'changes');
  let result: string;
  if (old !== undefined) {
    const start = lineStart(source, (old.key as Node).range![0]);
    const end = (old.value as Node | null)?.range?.[2] ?? (old.key as Node).range![2];
    result = source.slice(0, start) + block + source.slice(end);
  } else {
    const end = entry.range[2];
    const glue = source[end - 1] === '\n' ? '' : '\n';
    result = source.slice(0, end) + glue + block + source.slice(end);
  }
  const expected = document.toJS() as { catalog: { versions: Record<string, unknown>[] } };
  expected.catalog.versions[index]!['changes'] = changes.map((c) => ({ level: c.level, rule: c.rule, subject: c.subject, path: c.path, message: c.message }));
  if (!isDeepStrictEqual(parseDocument(result).toJS(), expected)) throw new AttachError('the edited file would not hold exactly the changes; nothing written');
  return result;
}

/**
 * Attaches each catalog's changes under `version` in `<catalog>/catalog.yaml`, for every catalog
 * that declares that version; returns the files written (an AttachError when none declares it).
 */
export async function attachChanges(catalogs: string, version: string, changes: readonly Change[]): Promise<string[]> {
  const written: string[] = [];
  for (const folder of await findCatalogFolders(catalogs)) {
    const file = path.join(folder, CATALOG_FILE);
    const source = await readFile(file, 'utf8');
    const data = parseDocument(source).toJS() as { catalog?: { id?: string; versions?: { version?: string }[] } } | null;
    const id = data?.catalog?.id;
    if (id === undefined || !(data?.catalog?.versions ?? []).some((v) => v?.version === version)) continue;
    const own = changes.filter((c) => c.catalog === id);
    try {
      await writeFile(file, attachToSource(source, version, own));
    } catch (error) {
      if (error instanceof AttachError) throw new AttachError(`${file}: ${error.message}`);
      throw error;
    }
    written.push(file);
  }
  if (written.length === 0) throw new AttachError(`no catalog under ${catalogs} declares version \`${version}\` under \`catalog.versions\``);
  return written;
}
