/** The manifest: which files in the output folder hookcat wrote, with their hashes and owners. */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { asFileSystemError } from './fs-error.js';
import { replaceFileSync } from './replace-file.js';

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

/** What the output folder's manifest says: nothing (no file), the manifest, or why it cannot be read. */
export type ManifestState =
  | { readonly kind: 'absent' }
  | { readonly kind: 'read'; readonly manifest: Manifest }
  | { readonly kind: 'unreadable'; readonly reason: string };

/** Reads the manifest of `outDir`. Only a missing file is `absent`: a damaged one (a merge
 * conflict, text that is not JSON, a path leaving the folder) is `unreadable`, with the reason. */
export async function readManifest(outDir: string): Promise<ManifestState> {
  const file = path.join(outDir, MANIFEST_FILE);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { kind: 'absent' };
    throw asFileSystemError(error, file, 'read') ?? error;
  }
  return parseManifest(text);
}

/** The manifest in `text`, or why it is not one. */
export function parseManifest(text: string): ManifestState {
  const conflict = /^(<{7}|={7}|>{7})( |$)/m.exec(text);
  if (conflict !== null) {
    const line = text.slice(0, conflict.index).split('\n').length;
    return { kind: 'unreadable', reason: `it holds a merge conflict (\`${conflict[1]}\` on line ${line})` };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return { kind: 'unreadable', reason: `it is not JSON (${(error as Error).message})` };
  }
  const manifest = parsed as Manifest;
  if (manifest === null || typeof manifest !== 'object' || manifest.generator !== 'hookcat' || manifest.files === null || typeof manifest.files !== 'object') {
    return { kind: 'unreadable', reason: 'it is not a hookcat manifest (no `generator: "hookcat"` and `files`)' };
  }
  for (const [relative, entry] of Object.entries(manifest.files)) {
    if (!isOutputPath(relative)) return { kind: 'unreadable', reason: `it lists \`${relative}\`, which is not a path inside the output folder` };
    if (entry === null || typeof entry !== 'object' || typeof entry.sha256 !== 'string')
      return { kind: 'unreadable', reason: `its entry for \`${relative}\` has no sha256` };
  }
  return { kind: 'read', manifest };
}

/** A path hookcat may own: relative, `/` separators, no `.`/`..`/empty segment, not one of its own working files. */
export function isOutputPath(relative: string): boolean {
  if (relative === '' || relative.includes('\\') || relative.includes('\0') || relative.startsWith('/')) return false;
  const segments = relative.split('/');
  if (segments.some((s) => s === '' || s === '.' || s === '..')) return false;
  return !segments[0]!.startsWith('.hookcat-');
}

/** The manifest as written: stable key order, two-space indent, final newline. */
export function manifestText(manifest: Manifest): string {
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/** Writes the manifest through a temporary file and a rename, so a reader sees the old or the new one whole. */
export function writeManifestSync(outDir: string, manifest: Manifest): void {
  const manifestPath = path.join(outDir, MANIFEST_FILE);
  const text = manifestText(manifest);
  if (readFileIfAny(manifestPath) === text) return;
  replaceFileSync(manifestPath, text, { durable: false });
}

function readFileIfAny(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

export function sortKeys<T>(record: Record<string, T>): Record<string, T> {
  const sorted: Record<string, T> = {};
  for (const key of Object.keys(record).sort()) sorted[key] = record[key]!;
  return sorted;
}
