/**
 * `hookcat import openapi` on GitHub's official webhooks description (@octokit/openapi-webhooks,
 * a pinned devDependency): the catalog it writes validates without errors, `generate` writes
 * every output, every documented delivery of @octokit/webhooks-examples validates against the
 * generated schemas with default strict ajv (but the listed ones GitHub's own schemas refuse:
 * ajv on the description itself refuses exactly those, and so do the generated runtime's
 * validators), every webhook of @octokit/openapi-webhooks-types has a type of ours, and a receiver narrows
 * on the event and the action. Imported and generated once, in `beforeAll`.
 */
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate, type GenerateResult } from '../../src/generate.js';
import { CheckMemory } from '../../src/catalog/checks/check.js';
import type { ImportedCatalog } from '../../src/import/imported.js';
import { importOpenApi } from '../../src/import/openapi.js';
import { withRepeatedObjectsShared } from '../../src/import/repeated-objects.js';
import type { ImportProblem } from '../../src/import/problems.js';
import { writtenCatalogFiles } from '../../src/import/write-yaml.js';
import { type WrittenCatalogFile, writtenSourceFile } from '../../src/catalog/written-file.js';
import { loadCatalogs } from '../../src/load.js';
import { validatorName } from '../../src/emit/runtime/validators.js';
import { formatDiagnostics, typeCheck } from '../emit/typescript/compile.js';
import { describeDiagnostics, REPO, type Json } from '../providers/generated-output.js';

const addFormats = addFormatsModule.default;
const require = createRequire(import.meta.url);
const FIXTURE = path.join(REPO, 'test/fixtures/import/github');
const PAGE_LIMIT = 60 * 1024;

interface Imported {
  readonly catalog: ImportedCatalog;
  readonly problems: readonly ImportProblem[];
  readonly folder: string;
  readonly result: GenerateResult;
  /** The files written for the catalog that the tests read, by path relative to its output folder. */
  readonly files: ReadonlyMap<string, string>;
  /** Every file written, by the same path. */
  readonly written: readonly string[];
  /** The catalog's files with the data they were written from, by absolute path. */
  readonly data: ReadonlyMap<string, WrittenCatalogFile>;
}

let scratch = '';
let imported: Imported;

beforeAll(async () => {
  await mkdir(path.join(REPO, '.scratch'), { recursive: true });
  scratch = await mkdtemp(path.join(REPO, '.scratch/import-github-'));
  const document = JSON.parse(await readFile(require.resolve('@octokit/openapi-webhooks/generated/api.github.com.json'), 'utf8')) as unknown;
  const folder = path.join(scratch, 'catalog/github');
  // As `hookcat import --generate` runs them: the import checks the examples with the loader's
  // validators, and generate takes the data the files were written from and those validators.
  const checks = new CheckMemory();
  const { catalog, problems } = importOpenApi(document, { id: 'github', validators: checks.validatorsFor(folder) });
  const written = new Map<string, WrittenCatalogFile>();
  for (const [file, made] of writtenCatalogFiles(catalog!, 'api.github.com.json')) {
    await mkdir(path.dirname(path.join(folder, file)), { recursive: true });
    await writeFile(path.join(folder, file), made.text);
    written.set(path.join(folder, file), made);
  }
  const out = path.join(scratch, 'generated');
  const result = await generate({ catalogs: folder, out, projectRoot: REPO, handOff: { written, checks } });
  const files = new Map<string, string>();
  const writtenPaths: string[] = [];
  const root = path.join(out, 'github');
  for (const entry of result.ok ? await readdir(root, { recursive: true, withFileTypes: true }) : []) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    const relative = path.relative(root, full).split(path.sep).join('/');
    writtenPaths.push(relative);
    if (!relative.startsWith('en/') || relative === 'en/events/pull_request.opened.md') files.set(relative, await readFile(full, 'utf8'));
  }
  imported = { catalog: catalog!, problems, folder, result, files, written: writtenPaths, data: written };
});

afterAll(async () => {
  if (scratch !== '') await rm(scratch, { recursive: true, force: true });
});

describe("hookcat import openapi on GitHub's webhooks description", () => {
  it('imports every webhook: 261 events in the bare shape, no import error', () => {
    expect(imported.catalog.events).toHaveLength(261);
    expect(imported.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(imported.catalog.envelope).toMatchObject({ shape: 'bare', typeHeader: 'X-Github-Event', actionField: 'action' });
    const keys = imported.catalog.events.map((event) => event.key);
    expect(keys).toEqual(expect.arrayContaining(['issues.opened', 'pull_request.opened', 'push', 'check_run.requested_action', 'sub_issues.sub_issue_added']));
  });

  it("writes each object GitHub repeats inline once, as a shared schema, and refers GitHub's inline copies of its components to them", () => {
    const { schemas } = imported.catalog;
    expect(withRepeatedObjectsShared(imported.catalog)).toBe(imported.catalog);
    expect(schemas.size).toBe(255);
    expect(schemas.get('webhooks_user_mannequin')).toBeDefined();
    // GitHub writes 69 inline copies of its component `webhooks_user`; some sit inside objects it repeats.
    const text = JSON.stringify([...schemas.values(), ...imported.catalog.events.map((event) => event.payload)]);
    expect(text.split('"$ref":"#/schemas/webhooks_user"').length - 1).toBe(48);
  });

  it('writes a catalog that validates with no error and no warning, whose files read as the data they were written from', async () => {
    const { diagnostics, catalogs } = await loadCatalogs([imported.folder]);
    expect(describeDiagnostics(diagnostics)).toEqual([]);
    // What generate took from the import's data is what it would have parsed.
    expect(catalogs).toEqual(imported.result.catalogs);
    expect(catalogs[0]?.events.length).toBe(261);
    // And it took every file from the data: none needed parsing.
    const parsed = [...imported.data].filter(([file, made]) => writtenSourceFile(made, file, path.relative(imported.folder, file)) === undefined);
    expect(parsed.map(([file]) => path.relative(imported.folder, file))).toEqual([]);
  });

  it('generate writes every output', () => {
    expect(describeDiagnostics(imported.result.diagnostics)).toEqual([]);
    expect(imported.result.ok).toBe(true);
    expect(imported.written).toEqual(
      expect.arrayContaining([
        'types.ts',
        'openapi.json',
        'openapi.yaml',
        'schemas/bundle.schema.json',
        'en/index.md',
        'en/events.md',
        'en/events/pull_request.opened.md',
      ]),
    );
    expect(imported.written.filter((name) => name.startsWith('schemas/events/'))).toHaveLength(261);
    expect(imported.written.filter((name) => name.startsWith('en/events/'))).toHaveLength(261);
  });

  it(`the page of pull_request.opened is at most ${PAGE_LIMIT} bytes`, () => {
    const page = imported.files.get('en/events/pull_request.opened.md')!;
    expect(Buffer.byteLength(page)).toBeLessThanOrEqual(PAGE_LIMIT);
    expect(page).toContain('pull_request');
  });
});

interface Invalid {
  readonly error: string;
  readonly reason: string;
  readonly examples: readonly string[];
}

describe("GitHub's documented deliveries (@octokit/webhooks-examples) against the generated schemas", () => {
  it('validate with default strict ajv and ajv-formats, but the listed ones GitHub refuses itself (each with its reason)', async () => {
    // Default options (strict), but its strictTypes notes on `type` lists are not printed.
    const ajv = new Ajv2020({ logger: false });
    addFormats(ajv);
    const schemas = new Map<string, Json>();
    for (const [file, text] of imported.files) {
      if (!file.startsWith('schemas/') || !file.endsWith('.schema.json') || file.endsWith('bundle.schema.json')) continue;
      const schema = JSON.parse(text) as Json;
      schemas.set(file.slice('schemas/'.length), schema);
      ajv.addSchema(schema);
    }
    for (const schema of schemas.values()) expect(ajv.getSchema(schema['$id'])).toBeTypeOf('function');
    const refused = new Map<string, string>();
    let valid = 0;
    for (const { key, id, body } of deliveries()) {
      const schema = schemas.get(`events/${key}.schema.json`);
      expect(schema, `no event ${key}`).toBeDefined();
      const validate = ajv.getSchema(schema!['$id'])!;
      if (validate(body)) valid += 1;
      else refused.set(id, signature(validate.errors![0]!));
    }
    const listed = JSON.parse(await readFile(path.join(FIXTURE, 'invalid-upstream.json'), 'utf8')) as { groups: Invalid[] };
    const expected = new Map(listed.groups.flatMap((group) => group.examples.map((id) => [id, group.error] as const)));
    expect(Object.fromEntries(refused)).toEqual(Object.fromEntries(expected));
    for (const group of listed.groups) expect(group.reason.length).toBeGreaterThan(20);
    expect(valid).toBe(207);
    // ajv compiles 228 schemas: past 60 s beside two mutation runs.
  }, 180_000);

  it("refuse exactly what GitHub's own description refuses (ajv on the document itself), and so do the runtime's validators", async () => {
    const document = JSON.parse(await readFile(require.resolve('@octokit/openapi-webhooks/generated/api.github.com.json'), 'utf8')) as Json;
    const upstream = new Ajv2020({ strict: false, logger: false });
    addFormats(upstream);
    upstream.addSchema({ ...document, $id: 'https://upstream.invalid/api.github.com.json' });
    const listed = JSON.parse(await readFile(path.join(FIXTURE, 'invalid-upstream.json'), 'utf8')) as { groups: Invalid[] };
    const invalid = new Set(listed.groups.flatMap((group) => group.examples));
    const runtime = (await import(path.join(scratch, 'generated/github/runtime/validators.js'))) as Record<string, (body: unknown) => boolean>;
    const order = imported.result.catalogs[0]!.events.map((event) => event.key);
    const source = new Map(imported.catalog.events.map((event) => [event.key, event.source.split('/')[2]!]));
    const verdicts = { upstream: [] as string[], runtime: [] as string[], listed: [] as string[] };
    for (const { key, id, body } of deliveries()) {
      const pointer = `#/webhooks/${source.get(key)}/post/requestBody/content/application~1json/schema`;
      const byGitHub = upstream.getSchema(`https://upstream.invalid/api.github.com.json${pointer}`)!;
      const byRuntime = runtime[validatorName(order.indexOf(key))]!;
      const verdict = (valid: boolean): string => `${id} ${valid ? 'valid' : 'invalid'}`;
      verdicts.listed.push(verdict(!invalid.has(id)));
      verdicts.upstream.push(verdict(byGitHub(body) === true));
      verdicts.runtime.push(verdict(byRuntime(body)));
    }
    expect(verdicts.upstream).toEqual(verdicts.listed);
    expect(verdicts.runtime).toEqual(verdicts.listed);
  });
});

/** Every documented delivery of @octokit/webhooks-examples, with the key of its event in the imported catalog. */
function deliveries(): { key: string; id: string; body: Json }[] {
  const byName = new Map<string, string[]>();
  const keys = new Set(imported.catalog.events.map((event) => event.key));
  for (const event of imported.catalog.events) {
    const name = event.deliveredAs?.name ?? event.key.split('.')[0]!;
    byName.set(name, [...(byName.get(name) ?? []), event.key]);
  }
  const sets = require('@octokit/webhooks-examples/api.github.com/index.json') as { name: string; examples: Json[] }[];
  return sets.flatMap(({ name, examples }) =>
    examples.map((body, i) => {
      const exact = body['action'] === undefined ? name : `${name}.${body['action']}`;
      // An action the description leaves free (repository_dispatch) is the one event of that name.
      const key = keys.has(exact) ? exact : byName.get(name)?.length === 1 ? byName.get(name)![0]! : exact;
      return { key, id: `${key}#${i}`, body };
    }),
  );
}

/** `required has_discussions`, `format uri at homepage`: what a first ajv error is about. */
function signature(error: { keyword: string; instancePath: string; params: Record<string, unknown> }): string {
  if (error.keyword === 'required') return `required ${String(error.params['missingProperty'])}`;
  const detail = error.params['format'] ?? error.params['type'] ?? '';
  return `${`${error.keyword} ${String(detail)}`.trim()} at ${error.instancePath.split('/').pop()}`;
}

describe('the generated types', () => {
  it('every webhook of @octokit/openapi-webhooks-types has a payload type of ours', () => {
    const octokit = require.resolve('@octokit/openapi-webhooks-types/types.d.ts');
    const source = ts.createSourceFile(octokit, ts.sys.readFile(octokit)!, ts.ScriptTarget.Latest);
    const webhooks = source.statements.find((s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === 'webhooks')!;
    const names = webhooks.members.map((member) => (member.name as ts.StringLiteral).text);
    expect(names.length).toBeGreaterThanOrEqual(250);
    const keyOf = new Map(imported.catalog.events.map((event) => [event.source.split('/')[2]!, event.key]));
    expect(names.filter((name) => !keyOf.has(name))).toEqual([]);
    const file = path.join(FIXTURE, 'coverage.ts');
    const lines = [
      "import type { webhooks } from '@octokit/openapi-webhooks-types';",
      "import type { EventPayloads } from './types.js';",
      "type Body<W extends keyof webhooks> = webhooks[W]['post']['requestBody']['content']['application/json'];",
      // Each line compiles only when octokit has the webhook and our types have its event.
      ...names.map((name, i) => `export type Pair${i} = [Body<'${name}'>, EventPayloads['${keyOf.get(name)}']];`),
    ];
    const types = path.join(FIXTURE, 'types.ts');
    const diagnostics = typeCheck(
      [file],
      new Map([
        [file, lines.join('\n')],
        [types, imported.files.get('types.ts')!],
      ]),
    );
    expect(formatDiagnostics(diagnostics)).toEqual([]);
  });

  it('a receiver compiles against them, narrows on the event and the action, and fails exactly on its marked lines', () => {
    const file = path.join(FIXTURE, 'receiver.ts');
    const types = new Map([[path.join(FIXTURE, 'types.ts'), imported.files.get('types.ts')!]]);
    expect(formatDiagnostics(typeCheck([file], types))).toEqual([]);
    const text = ts.sys.readFile(file)!;
    const marked = text.split('\n').flatMap((line, i) => (line.includes('// @ts-expect-error') ? [i + 2] : []));
    expect(marked.length).toBeGreaterThanOrEqual(9);
    const loose = typeCheck([file], new Map([...types, [file, text.replaceAll('// @ts-expect-error', '// expected error:')]]));
    const failing = [...new Set(loose.filter((d) => d.file?.fileName === file).map((d) => d.file!.getLineAndCharacterOfPosition(d.start!).line + 1))];
    expect(failing.sort((a, b) => a - b)).toEqual(marked);
  });
});
