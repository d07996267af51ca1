/** Checks the files a manifest lists against their recorded hashes, without emitting anything. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { unchangedOnDisk, type KnownFiles } from './known-files.js';
import { hashOf, type Manifest } from './manifest.js';
import type { Change, Scope } from './session.js';

export interface Verification {
  /** Files missing (`added` by a write) or holding other bytes (`changed`). */
  readonly changes: readonly Change[];
  readonly unchanged: number;
}

/** Reads and hashes every file of `manifest` in scope (but those `known` records as unchanged
 * since this context wrote or verified them), recording what it verified in `known`. */
export function verifyManifestFiles(outDir: string, manifest: Manifest, inScope: Scope, known: KnownFiles): Verification {
  const changes: Change[] = [];
  let unchanged = 0;
  for (const [relative, entry] of Object.entries(manifest.files)) {
    if (!inScope(relative, entry)) continue;
    const target = path.join(outDir, relative);
    const record = known.get(relative);
    if (record?.sha256 === entry.sha256 && unchangedOnDisk(record, target)) {
      unchanged++;
      continue;
    }
    let bytes: Buffer;
    try {
      bytes = readFileSync(target);
    } catch {
      changes.push({ path: relative, kind: 'added' });
      continue;
    }
    if (hashOf(bytes) !== entry.sha256) changes.push({ path: relative, kind: 'changed' });
    else {
      known.remember(relative, target, entry.sha256, undefined);
      unchanged++;
    }
  }
  return { changes, unchanged };
}
