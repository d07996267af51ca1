/**
 * The README's examples work: every YAML example names its file on its first line (`# catalog/...`),
 * and the files together form catalogs that validate without an error; the config example is a
 * config hookcat reads.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../../src/config/read.js';
import { loadCatalogs } from '../../src/load.js';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parseAllDocuments } from 'yaml';
import catalogSchema from '../../src/catalog/schema.json' with { type: 'json' };
import { type CodeBlock, readmeBlocks } from './readme.js';

/** A YAML example that shows part of a file (`# part of catalog/shop/envelope.yaml, under envelope`). */
function isFragment(block: CodeBlock): boolean {
  return block.language === 'yaml' && block.code.startsWith('# part of ');
}

/** `value` placed in a catalog file at `under`: `envelope`, `events[]`, or `.` for the file's top. */
function placed(value: unknown, under: string): unknown {
  if (under === '.') return value;
  return under.split('.').reduceRight<unknown>((inner, key) => (key.endsWith('[]') ? { [key.slice(0, -2)]: [inner] } : { [key]: inner }), value);
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'hookcat-readme-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the README', () => {
  it('has YAML examples that each name their file and together validate', async () => {
    const examples = readmeBlocks().filter((b) => b.language === 'yaml');
    expect(examples.length).toBeGreaterThanOrEqual(2);
    const unnamed = examples.filter((b) => !/^# (catalog\/[^\s]+\.yaml|part of [^\n]+, under \S+)\n/.test(b.code)).map((b) => `README.md:${b.line}`);
    expect(unnamed, 'YAML examples whose first line does not name their file or say where they belong').toEqual([]);
    for (const example of examples.filter((b) => !isFragment(b))) {
      const file = path.join(dir, /^# (\S+)/.exec(example.code)![1]!);
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, example.code);
    }
    const { catalogs, diagnostics } = await loadCatalogs([path.join(dir, 'catalog')]);
    expect(diagnostics.filter((d) => d.severity === 'error').map((d) => `${path.relative(dir, d.file)}:${d.line} ${d.code} ${d.message}`)).toEqual([]);
    expect(catalogs.map((c) => c.id)).toEqual(['shop']);
    expect(catalogs[0]!.events.map((e) => e.key)).toEqual(['order.created', 'order.placed']);
  });

  it('has YAML fragments that the catalog format takes where they say they belong', () => {
    const fragments = readmeBlocks().filter(isFragment);
    expect(fragments.length).toBeGreaterThanOrEqual(4);
    const validate = new Ajv2020({ allErrors: true, allowUnionTypes: true, strict: true }).compile(catalogSchema);
    for (const fragment of fragments) {
      const under = /^# part of [^\n]+, under (\S+)\n/.exec(fragment.code)![1]!;
      for (const document of parseAllDocuments(fragment.code)) {
        expect(document.errors, `README.md:${fragment.line}`).toEqual([]);
        validate(placed(document.toJS(), under));
        // A fragment leaves out what the rest of its file holds: only missing keys are allowed.
        const wrong = (validate.errors ?? []).filter((e) => e.keyword !== 'required').map((e) => `${e.instancePath} ${e.message}`);
        expect(wrong, `README.md:${fragment.line}`).toEqual([]);
      }
    }
  });

  it('has a config example that hookcat reads', async () => {
    const example = readmeBlocks().find((b) => b.heading === 'Config file' && b.language === 'js');
    expect(example).toBeDefined();
    const define = path.resolve('src/config/define.ts');
    await writeFile(path.join(dir, 'hookcat.config.ts'), example!.code.replace("from 'hookcat'", `from ${JSON.stringify(define)}`));
    const { config } = await readConfig(undefined, dir);
    expect(Object.keys(config)).toEqual(['catalogs', 'out', 'templates', 'catalog', 'only', 'locale', 'cache', 'site']);
    expect(config.site?.base).toBe('/docs/webhooks/');
  });
});
