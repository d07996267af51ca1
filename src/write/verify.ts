/** Checks the files a manifest lists against their recorded hashes, without emitting anything. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { knownFiles, remember, unchangedOnDisk } from './known-files.js';
import { hashOf, type Manifest } from './manifest.js';
import type { Change, Scope } from './session.js';

export interface Verification {
  /** Files missing (`added` by a write) or holding other bytes (`changed`). */
  readonly changes: readonly Change[];
  readonly unchanged: number;
}

export function verifyManifestFiles(outDir: string, manifest: Manifest, inScope: Scope): Verification {
  const known = knownFiles(outDir);
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
      remember(known, relative, target, entry.sha256, undefined);
      unchanged++;
    }
  }
  return { changes, unchanged };
}
