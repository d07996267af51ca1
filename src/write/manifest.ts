/** The manifest: which files in the output folder hookcat wrote, with their hashes and owners. */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';

export const MANIFEST_FILE = '.hookcat-manifest.json';

/** What hookcat knows of a file it wrote. */
export interface ManifestEntry {
  readonly sha256: string;
  readonly catalog: string;
  readonly emitter: string;
}

export interface Manifest {
  readonly generator: 'hookcat';
  /** The fingerprint of the hookcat code (and dependencies) that wrote the files. */
  readonly code?: string;
  /** The input fingerprint of the run that wrote the files (see `src/fingerprint.ts`), sealed
   * with the file list (see `sealInputs`). */
  readonly inputs?: string;
  /** Relative path (`/` separators) -> what hookcat wrote there. */
  readonly files: { readonly [path: string]: ManifestEntry };
}

export function hashOf(contents: string | Buffer): string {
  return createHash('sha256').update(contents).digest('hex');
}

/** `inputs` bound to the files and hashes listed: a manifest edited by hand no longer matches. */
export function sealInputs(inputs: string, files: Manifest['files']): string {
  return hashOf(`${inputs}\0${JSON.stringify(files)}`);
}

/** True when `manifest` was written by a run with exactly these inputs, and not edited since. */
export function recordsInputs(manifest: Manifest, inputs: string): boolean {
  return manifest.inputs !== undefined && manifest.inputs === sealInputs(inputs, manifest.files);
}

export async function readManifest(outDir: string): Promise<Manifest | undefined> {
  const text = await readFile(path.join(outDir, MANIFEST_FILE), 'utf8').catch(() => undefined);
  if (text === undefined) return undefined;
  try {
    const parsed = JSON.parse(text) as Manifest;
    if (parsed.generator === 'hookcat' && typeof parsed.files === 'object') return parsed;
  } catch {
    // A damaged manifest is treated as absent; the folder check then decides.
  }
  return undefined;
}

export async function writeManifest(outDir: string, manifest: Manifest): Promise<void> {
  const manifestText = `${JSON.stringify(manifest, null, 2)}\n`;
  const manifestPath = path.join(outDir, MANIFEST_FILE);
  const current = await readFile(manifestPath, 'utf8').catch(() => undefined);
  if (current === manifestText) return;
  await mkdir(outDir, { recursive: true });
  const temp = `${manifestPath}.hookcat-tmp-${process.pid}`;
  await writeFile(temp, manifestText, 'utf8');
  await rename(temp, manifestPath);
}

export function sortKeys<T>(record: Record<string, T>): Record<string, T> {
  const sorted: Record<string, T> = {};
  for (const key of Object.keys(record).sort()) sorted[key] = record[key]!;
  return sorted;
}
