/** A whole folder as data (every file's hash, every folder, empty ones too), to compare two folders exactly. */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** Relative path (`/`) -> sha256 of a file, or `folder`; empty when `dir` is absent. */
export function folderState(dir: string): Record<string, string> {
  const state: Record<string, string> = {};
  const walk = (relative: string): void => {
    let entries: import('node:fs').Dirent[];
    try {
      entries = readdirSync(path.join(dir, relative), { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const child = relative === '' ? entry.name : `${relative}/${entry.name}`;
      if (entry.isDirectory()) {
        state[child] = 'folder';
        walk(child);
      } else
        state[child] = createHash('sha256')
          .update(readFileSync(path.join(dir, child)))
          .digest('hex');
    }
  };
  walk('');
  return Object.fromEntries(Object.entries(state).sort(([a], [b]) => (a < b ? -1 : 1)));
}
