/**
 * Does `src/emit/openapi/yaml-text.ts` (a hand-written YAML writer for the OpenAPI fragment) earn
 * its place? The same document written by it and by the `yaml` package's `stringify`, on the
 * synthetic catalog of `synthesize.ts`: medians of `--runs` runs in this process, and whether
 * both texts read back (with `yaml`) to the document.
 *
 *   npx tsx bench/yaml-text.ts [--sizes 1000,10000] [--runs 5]
 */
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { parse, stringify } from 'yaml';
import { generate } from '../src/generate.js';
import type { JsonValue } from '../src/model/types.js';
import { yamlText } from '../src/emit/openapi/yaml-text.js';
import { layout, sizeFolder } from './layout.js';
import { median } from './report.js';
import { synthesizeCatalog } from './synthesize.js';

function timed(work: () => string, runs: number): { ms: number; text: string } {
  const times: number[] = [];
  let text = '';
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    text = work();
    times.push(performance.now() - start);
  }
  return { ms: median(times), text };
}

async function measure(events: number, runs: number): Promise<string> {
  const where = layout(sizeFolder(events));
  await synthesizeCatalog(where.catalog, { events });
  await rm(where.out, { recursive: true, force: true });
  const run = await generate({ catalogs: where.catalogs, out: where.out, only: ['openapi'], projectRoot: where.root });
  if (!run.ok) throw new Error(`generate failed at ${events} events`);
  const document = JSON.parse(await readFile(path.join(where.out, 'bench', 'openapi.json'), 'utf8')) as JsonValue;
  const ours = timed(() => yamlText(document, 'bench'), runs);
  // The options that keep `yaml`'s output close to ours: no folding, no anchors for repeated objects.
  const library = timed(() => stringify(document, { lineWidth: 0, aliasDuplicateObjects: false }), runs);
  const same = (text: string) => isDeepStrictEqual(parse(text, { maxAliasCount: -1 }), document);
  const mib = (text: string) => (Buffer.byteLength(text) / 1024 / 1024).toFixed(1);
  return [
    `| ${events.toLocaleString('en')} | ${mib(ours.text)} MiB | ${ours.ms.toFixed(0)} ms | ${library.ms.toFixed(0)} ms | ${(library.ms / ours.ms).toFixed(1)}x |`,
    `reads back: ours ${same(ours.text)}, yaml.stringify ${same(library.text)}`,
  ].join('\n');
}

const argv = process.argv.slice(2);
const option = (name: string): string | undefined => argv[argv.indexOf(name) + 1];
const sizes = (argv.includes('--sizes') ? option('--sizes')! : '1000').split(',').map(Number);
const runs = Number(argv.includes('--runs') ? option('--runs') : 5);
process.stdout.write('| events | openapi.yaml | yamlText | yaml.stringify | ratio |\n| ---: | ---: | ---: | ---: | ---: |\n');
for (const events of sizes) process.stdout.write(`${await measure(events, runs)}\n`);
