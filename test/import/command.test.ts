/**
 * `hookcat import openapi` as a command, on an OpenAPI 3.0 document with `x-webhooks`: it prints
 * each problem with its JSON pointer and code, writes a catalog that validates, and refuses to
 * write into a folder that is not empty; with `--generate`, generate checks and builds it next.
 */
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { parse } from 'yaml';
import { main } from '../../src/cli.js';
import { REPO } from '../providers/generated-output.js';
import { runCliIn } from '../support/cli-run.js';
import { PayloadValidators } from '../../src/catalog/checks/payload-validators.js';

const SOURCE = path.join(REPO, 'test/fixtures/import/openapi30/shop.yaml');
let scratch = '';

beforeAll(async () => {
  await mkdir(path.join(REPO, '.scratch'), { recursive: true });
  scratch = await mkdtemp(path.join(REPO, '.scratch/import-command-'));
});

afterAll(async () => {
  if (scratch !== '') await rm(scratch, { recursive: true, force: true });
});

async function run(args: string[]): Promise<{ code: number; stderr: string }> {
  let stderr = '';
  const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    stderr += String(chunk);
    return true;
  });
  try {
    return { code: await main(args), stderr };
  } finally {
    spy.mockRestore();
  }
}

describe('hookcat import openapi (OpenAPI 3.0, x-webhooks)', () => {
  it('writes a catalog that validates, printing each problem with its pointer', async () => {
    const out = path.join(scratch, 'shop');
    const { code, stderr } = await run(['import', 'openapi', SOURCE, '--out', out]);
    expect(code).toBe(0);
    const problems = stderr.split('\n').filter((line) => /\s(warning|error)\s+HI\d{3}\s/.test(line));
    expect(
      problems.map((line) =>
        line
          .replace(/^.*shop\.yaml/, '')
          .split(/\s+/)
          .slice(0, 3)
          .join(' '),
      ),
    ).toEqual([
      '#/x-webhooks/order-cancelled/post/requestBody/content/application~1json/schema/properties/reason/pattern warning HI104',
      '#/x-webhooks/refund-issued/post/requestBody/content/application~1json/schema/properties/amount/$ref warning HI103',
      ...(stderr.includes('HI102') ? ['#/components/schemas/shop-user warning HI102'] : []),
      '#/x-webhooks/order-created/post warning HI106',
    ]);
    expect(stderr).toMatch(/0 errors, 0 warnings/);
    expect((await readdir(out, { recursive: true })).sort()).toEqual(['catalog.yaml', 'events', 'events/orders.yaml', 'events/refunds.yaml', 'schemas.yaml']);
    const catalog = parse(await readFile(path.join(out, 'catalog.yaml'), 'utf8'));
    expect(catalog.catalog).toMatchObject({ id: 'shop', version: '2.1', title: 'Shop webhooks' });
    expect(catalog.envelope).toEqual({
      shape: 'bare',
      typeHeader: 'X-Shop-Topic',
      headers: [{ name: 'X-Shop-Delivery', description: 'Unique delivery id.', example: 'd-1' }],
      responses: [{ status: '200', description: 'Received.' }],
    });
    expect(catalog.categories.map((c: { id: string; description: string }) => `${c.id}: ${c.description}`)).toEqual([
      'orders: Events about orders.',
      'refunds: Events about refunds.',
    ]);
    const orders = parse(await readFile(path.join(out, 'events/orders.yaml'), 'utf8')).events;
    expect(orders.map((e: { key: string }) => e.key)).toEqual(['order.created', 'order.cancelled']);
    // No action field: the header names the whole operation.
    expect(orders[0].deliveredAs).toEqual({ name: 'order/created' });
    expect(orders[0].examples.map((x: { name: string }) => x.name)).toEqual(['first']);
    expect(orders[1].deprecated).toBe(true);
    const schemas = parse(await readFile(path.join(out, 'schemas.yaml'), 'utf8')).schemas;
    expect(schemas.Order.properties.total).toEqual({ type: 'number', minimum: 0 });
    expect(schemas.Order.properties.note).toEqual({ type: 'string', nullable: true });
    expect(Object.keys(schemas)).not.toContain('OrderCreated');
  });

  it('with --generate, writes the catalog under catalog/ and then every output from it, checking it once (exit 0)', async () => {
    const project = path.join(scratch, 'project');
    await mkdir(project);
    const { code, stderr } = await runCliIn(project, 'import', 'openapi', SOURCE, '--generate');
    expect(code, stderr).toBe(0);
    expect(stderr).toMatch(/^import: wrote 3 events, .* to catalog\/shop$/m);
    // The catalog is loaded once, by generate: no summary line of the import's own check.
    expect(stderr).not.toMatch(/0 errors, 0 warnings/);
    expect(stderr).toMatch(/^generate: \d+ added, 0 changed, 0 removed/m);
    const made = await readdir(path.join(project, 'generated', 'shop'));
    expect(made).toEqual(expect.arrayContaining(['types.ts', 'openapi.json', 'runtime.ts', 'schemas']));
    const again = await runCliIn(project, 'generate', '--check', '--quiet');
    expect(again.code, again.stderr).toBe(0);
  });

  it("with --generate, generate compiles none of the validators the import's example check compiled", async () => {
    const compiles = vi.spyOn(PayloadValidators.prototype as unknown as { compile(schema: unknown): unknown }, 'compile');
    try {
      const alone = path.join(scratch, 'alone');
      await mkdir(alone);
      expect((await runCliIn(alone, 'import', 'openapi', SOURCE, '--out', 'catalog/shop')).code).toBe(0);
      const byImport = compiles.mock.calls.length;
      expect(byImport).toBeGreaterThan(0);
      compiles.mockClear();
      expect((await runCliIn(alone, 'generate', '--quiet')).code).toBe(0);
      // A generate of its own compiles them again.
      expect(compiles.mock.calls.length).toBe(byImport);
      compiles.mockClear();
      const handed = path.join(scratch, 'handed');
      await mkdir(handed);
      expect((await runCliIn(handed, 'import', 'openapi', SOURCE, '--generate')).code).toBe(0);
      expect(compiles.mock.calls.length).toBe(byImport);
      expect(await readFile(path.join(handed, 'generated', 'shop', 'openapi.json'), 'utf8')).toBe(
        await readFile(path.join(alone, 'generated', 'shop', 'openapi.json'), 'utf8'),
      );
    } finally {
      compiles.mockRestore();
    }
  });

  it('with --generate, refuses (exit 2, writing nothing) an --out outside the catalogs generate reads', async () => {
    const project = path.join(scratch, 'project-out');
    await mkdir(project);
    const { code, stderr } = await runCliIn(project, 'import', 'openapi', SOURCE, '--out', 'elsewhere/shop', '--generate');
    expect(code).toBe(2);
    expect(stderr).toBe('hookcat: --generate generates the catalogs in catalog, and elsewhere/shop is not inside it: choose --out inside it\n');
    expect(await readdir(project)).toEqual([]);
  });

  it("with --generate, writes into the config's catalogs folder and adds the catalog to the config's selection", async () => {
    const project = path.join(scratch, 'project-config');
    await mkdir(project);
    await writeFile(path.join(project, 'hookcat.config.json'), JSON.stringify({ catalogs: 'webhooks', catalog: ['first'] }));
    const first = await runCliIn(project, 'import', 'openapi', SOURCE, '--id', 'first', '--out', 'webhooks/first');
    expect(first.code, first.stderr).toBe(0);
    const { code, stderr } = await runCliIn(project, 'import', 'openapi', SOURCE, '--id', 'second', '--generate');
    expect(code, stderr).toBe(0);
    expect(stderr).toMatch(/ to webhooks\/second$/m);
    expect((await readdir(path.join(project, 'generated'))).sort()).toEqual(['.hookcat-manifest.json', 'first', 'second']);
  });

  it('with --generate, refuses (exit 2) a config whose catalogs folder is one catalog', async () => {
    const project = path.join(scratch, 'project-one');
    await mkdir(project);
    await writeFile(path.join(project, 'hookcat.config.json'), JSON.stringify({ catalogs: 'catalog/first' }));
    expect((await runCliIn(project, 'import', 'openapi', SOURCE, '--id', 'first')).code).toBe(0);
    const { code, stderr } = await runCliIn(project, 'import', 'openapi', SOURCE, '--id', 'other', '--out', 'catalog/first/other', '--generate');
    expect(code).toBe(2);
    expect(stderr).toBe(
      "hookcat: --generate: catalog/first (the config's catalogs) is one catalog folder, not a folder of catalogs: import without --generate\n",
    );
    expect(await readdir(path.join(project, 'catalog', 'first'))).not.toContain('other');
  });

  it('refuses a folder that is not empty (exit 2), and a document that is not OpenAPI (exit 1)', async () => {
    const out = path.join(scratch, 'shop');
    expect((await run(['import', 'openapi', SOURCE, '--out', out])).code).toBe(2);
    const notOpenApi = await run(['import', 'openapi', path.join(REPO, 'package.json'), '--out', path.join(scratch, 'none')]);
    expect(notOpenApi.code).toBe(1);
    expect(notOpenApi.stderr).toMatch(/package\.json#\s+error\s+HI100\s/);
  });

  it('refuses an --out that is a file, or below one, in one line (exit 2), with --force too', async () => {
    const file = path.join(scratch, 'notes.txt');
    await writeFile(file, 'not a folder\n');
    const cases: [string[], RegExp][] = [
      [['--out', file], /^hookcat: --out .*notes\.txt is a file, not a folder: choose another --out\n$/],
      [['--out', file, '--force'], /^hookcat: --out .*notes\.txt is a file, not a folder: choose another --out\n$/],
      [['--out', path.join(file, 'sub')], /^hookcat: cannot write .*notes\.txt\/sub: a part of this path is a file, not a folder; .* \(ENOTDIR\)\n$/],
    ];
    for (const [args, message] of cases) {
      const { code, stderr } = await run(['import', 'openapi', SOURCE, ...args]);
      expect(code).toBe(2);
      // The import's own problems come first; the refusal is the last line.
      expect(`${stderr.split('\n').at(-2)}\n`).toMatch(message);
    }
    expect(await readFile(file, 'utf8')).toBe('not a folder\n');
  });

  it('with --force over an earlier import, removes the catalog files this import does not write, naming each', async () => {
    const out = path.join(scratch, 'reimported');
    expect((await run(['import', 'openapi', SOURCE, '--out', out])).code).toBe(0);
    await writeFile(path.join(out, 'notes.md'), 'kept\n');
    const renamed = path.join(scratch, 'renamed.yaml');
    await writeFile(renamed, (await readFile(SOURCE, 'utf8')).replaceAll('refunds', 'returns'));
    const { code, stderr } = await run(['import', 'openapi', renamed, '--out', out, '--force']);
    expect(code).toBe(0);
    expect(stderr).toContain(`import: removed ${path.join(out, 'events', 'refunds.yaml')}, a catalog file this import does not write\n`);
    expect(stderr).toMatch(/0 errors/);
    expect((await readdir(out, { recursive: true })).sort()).toEqual([
      'catalog.yaml',
      'events',
      'events/orders.yaml',
      'events/returns.yaml',
      'notes.md',
      'schemas.yaml',
    ]);
  });

  it('refuses a --key, --type-header or --action-field the catalog could not use, before writing anything (exit 2)', async () => {
    const folder = path.join(REPO, 'test/fixtures/import/draft07/schemas');
    const out = path.join(scratch, 'flags');
    const cases: [string[], string][] = [
      [['--key', '{dir}.{name}.{ext}'], 'hookcat: --key {dir}.{name}.{ext}: {ext} is no part of a key pattern; use {dir} and {name}\n'],
      [['--key', 'fixed'], 'hookcat: --key fixed: the pattern needs {name}, or every file would get one key\n'],
      [['--key', '{name}', '--type-header', 'X Bad'], 'hookcat: --type-header X Bad: a header name is letters, digits and -, like X-Forge-Event\n'],
      [
        ['--key', '{name}', '--type-header', 'X-Ok', '--action-field', ''],
        'hookcat: --action-field : a field name is letters, digits and _, not starting with a digit, like action\n',
      ],
    ];
    for (const [args, message] of cases) {
      const { code, stderr } = await run(['import', 'json-schema', folder, ...args, '--out', out]);
      expect([code, stderr]).toEqual([2, message]);
    }
    await expect(readdir(out)).rejects.toThrow();
  });

  it('prints a problem of a folder of schemas at folder/file#pointer', async () => {
    const folder = path.join(REPO, 'test/fixtures/import/draft07/schemas');
    const { stderr } = await run(['import', 'json-schema', `${folder}/`, '--key', '{dir}.{name}', '--out', path.join(scratch, 'placed')]);
    expect(stderr).toContain(`${folder}/pull-request/review-requested.schema.json#/properties/head/pattern  warning  HI104  `);
  });

  it('reports a folder of schemas it cannot read in one line (exit 2), not as an internal error', async () => {
    for (const folder of [path.join(scratch, 'no-such-folder'), SOURCE]) {
      const { code, stderr } = await run(['import', 'json-schema', folder, '--key', '{name}', '--out', path.join(scratch, 'unread')]);
      expect(code).toBe(2);
      expect(stderr).toMatch(/^hookcat: cannot read .+: (ENOENT|ENOTDIR)\b[^\n]*\n$/);
    }
  });

  it('refuses an --id that is no catalog id before writing anything (it names the folder: catalog/<id>)', async () => {
    for (const id of ['../../escaped', 'Bad ID', '']) {
      const { code, stderr } = await run(['import', 'openapi', SOURCE, '--id', id]);
      expect(code).toBe(2);
      expect(stderr).toBe(`hookcat: --id ${id}: a catalog id is lower-case letters and digits, with - or _ between them\n`);
    }
    await expect(readdir(path.join(REPO, 'catalog'))).resolves.not.toContain('escaped');
    await expect(readdir(path.dirname(REPO))).resolves.not.toContain('escaped');
  });

  it('reports a source it cannot parse as HI100 at its line and column (exit 1), never as an internal error', async () => {
    let bomb = 'openapi: 3.1.0\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n';
    for (let i = 1; i < 10; i++)
      bomb += `a${i}: &a${i} [${Array(10)
        .fill(`*a${i - 1}`)
        .join(', ')}]\n`;
    const sources = {
      'broken.json': '{"openapi": "3.1.0",\n  "webhooks": {',
      'two.yaml': 'openapi: 3.1.0\n---\nwebhooks: {}\n',
      'bomb.yaml': bomb,
      'deep.json': `{"openapi": "3.1.0", "webhooks": {"a": ${'{"x": '.repeat(5_000)}{}${'}'.repeat(5_000)}}}`,
    };
    const lines: string[] = [];
    for (const [name, text] of Object.entries(sources)) {
      const file = path.join(scratch, name);
      await writeFile(file, text);
      const { code, stderr } = await run(['import', 'openapi', file, '--out', path.join(scratch, `out-${name}`)]);
      expect(code, stderr).toBe(1);
      expect(stderr).not.toMatch(/internal error|\n\s+at /);
      lines.push(
        stderr
          .split('\n')[0]!
          .replace(scratch + path.sep, '')
          .slice(0, 50),
      );
    }
    expect(lines).toEqual([
      'broken.json:2:16  error  HI100  not JSON or YAML: ',
      'two.yaml:2:1  error  HI100  not JSON or YAML: Sour',
      'bomb.yaml#  error  HI100  the YAML cannot be read:',
      'deep.json#/webhooks/a/x/x/x/x/x/x/x/x/x/x/x/x/x/x/',
    ]);
  });
});
