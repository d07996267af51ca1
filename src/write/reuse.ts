/**
 * Normalized outputs (the pages) of the run that wrote the folder, by the hash of the text they
 * were normalized from: an unchanged page is read back (and checked against its hash) instead of
 * going through remark again. Only a manifest written by the same code is used, since another
 * version of hookcat or remark may normalize differently.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { hashOf, type Manifest } from './manifest.js';

export function reuseNormalized(outDir: string, previous: Manifest | undefined, code: string): ((source: string) => string | undefined) | undefined {
  if (previous === undefined || previous.code !== code) return undefined;
  const bySource = new Map<string, { relative: string; sha256: string }>();
  for (const [relative, entry] of Object.entries(previous.files))
    if (entry.source !== undefined) bySource.set(entry.source, { relative, sha256: entry.sha256 });
  if (bySource.size === 0) return undefined;
  return (source) => {
    const hit = bySource.get(source);
    if (hit === undefined) return undefined;
    const target = path.join(outDir, hit.relative);
    let bytes: Buffer;
    try {
      bytes = readFileSync(target);
    } catch {
      return undefined;
    }
    return hashOf(bytes) === hit.sha256 ? bytes.toString('utf8') : undefined;
  };
}
