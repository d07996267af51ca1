/**
 * The receiver runtime's validators alone: `validatorsFiles` (ajv compiling every event schema and
 * printing it as standalone code) on a synthetic catalog that `bench/cli.ts` or `bench/run.ts`
 * wrote before, three times in one process.
 *
 *   npx tsx bench/validators.ts [EVENTS]    (default 1000; the catalog is bench/.data/EVENTS/)
 */
import { validatorsFiles } from '../src/emit/runtime/validators.js';
import { loadCatalog } from '../src/load.js';
import { layout, sizeFolder } from './layout.js';

const events = Number(process.argv[2] ?? 1000);
const { catalog, diagnostics } = await loadCatalog(layout(sizeFolder(events)).catalog);
if (catalog === undefined) throw new Error(`no catalog of ${events} events: run bench/cli.ts first (${diagnostics[0]?.message ?? ''})`);
for (let run = 0; run < 3; run++) {
  const start = performance.now();
  const files = validatorsFiles(catalog, '// bench');
  const bytes = files.reduce((sum, file) => sum + Buffer.byteLength(file.contents), 0);
  console.log(`${events} events: ${(performance.now() - start).toFixed(0)} ms, ${files.length} files, ${(bytes / 1024 / 1024).toFixed(1)} MiB`);
}
