/** Where the benchmark keeps each size: `bench/.data/<events>/` with the synthetic catalog
 * under `catalog/bench/` and the generated output under `out/` (gitignored). */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const DATA_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), '.data');

export interface SizeLayout {
  /** The project folder of this size (the output must stay inside it). */
  readonly root: string;
  /** The folder of catalogs given to generate. */
  readonly catalogs: string;
  /** The one catalog folder. */
  readonly catalog: string;
  readonly out: string;
}

export function sizeFolder(events: number): string {
  return path.join(DATA_DIR, String(events));
}

export function layout(root: string): SizeLayout {
  return { root, catalogs: path.join(root, 'catalog'), catalog: path.join(root, 'catalog', 'bench'), out: path.join(root, 'out') };
}
