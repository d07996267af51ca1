/**
 * A throw-away project folder for one hostile case: the case copied in, the files too big or
 * too odd to commit made on the spot, then hookcat's own `generate` run on it.
 */
import { cp, mkdir, mkdtemp, open, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generate, type GenerateResult } from '../../../src/generate.js';
import { EMITTER_NAMES } from '../../../src/emit/index.js';
import { markdownEmitter } from '../../../src/emit/markdown.js';
import type { Catalog } from '../../../src/model/types.js';
import { DEFAULT_TEMPLATES_DIR, loadTemplates } from '../../../src/templates.js';
import { readTree } from './tree.js';

/** Files made by the test rather than committed: links, a 50 MB file, a 100,000-item list,
 * flow collections of 100,000 entries, chains of thousands of shared schemas, odd file names. */
export type SetupStep =
  | { readonly kind: 'symlink'; readonly path: string; readonly target: string }
  | { readonly kind: 'big-file'; readonly path: string; readonly megabytes: number }
  | { readonly kind: 'long-sequence'; readonly path: string; readonly items: number; readonly shape: 'enum' | 'wrong-type' }
  | { readonly kind: 'flow-collection'; readonly path: string; readonly entries: number; readonly shape: 'mapping' | 'sequence' }
  | { readonly kind: 'block-mapping'; readonly path: string; readonly entries: number; readonly repeatFirstKey: boolean }
  | {
      readonly kind: 'ref-chain';
      readonly path: string;
      readonly schemas: number;
      readonly through: 'properties' | 'allOf' | 'items' | 'mixed';
      /** The last schema refers to the first (through `properties`): one cycle of them all. */
      readonly ring?: boolean;
    }
  | { readonly kind: 'file'; readonly path: string; readonly text: string };

/** How shared schema `i` of a chain refers to the next one. */
function chainLink(through: 'properties' | 'allOf' | 'items', next: string): string {
  switch (through) {
    case 'properties':
      return `{ type: object, properties: { next: { $ref: '#/schemas/${next}' } } }`;
    case 'allOf':
      return `{ allOf: [{ $ref: '#/schemas/${next}' }] }`;
    case 'items':
      return `{ type: array, items: { $ref: '#/schemas/${next}' } }`;
  }
}

export interface Project {
  readonly root: string;
  readonly catalogDir: string;
  readonly outDir: string;
}

/** Copies `caseDir` into a new temporary project and applies the setup steps. */
export async function makeProject(caseDir: string, setup: readonly SetupStep[] = []): Promise<Project> {
  const root = await mkdtemp(path.join(tmpdir(), 'hookcat-hostile-'));
  await cp(caseDir, root, { recursive: true, verbatimSymlinks: true });
  for (const step of setup) await applySetup(root, step);
  return { root, catalogDir: path.join(root, 'catalog'), outDir: path.join(root, 'generated') };
}

export async function removeProject(project: Project): Promise<void> {
  await rm(project.root, { recursive: true, force: true });
}

async function applySetup(root: string, step: SetupStep): Promise<void> {
  const file = path.join(root, step.path);
  await mkdir(path.dirname(file), { recursive: true });
  switch (step.kind) {
    case 'symlink':
      await symlink(step.target, file);
      return;
    case 'big-file': {
      // One long description: valid YAML all the way, so only the size can reject it.
      const handle = await open(file, 'w');
      const chunk = Buffer.alloc(1024 * 1024, 'x');
      await handle.write('schemas:\n  Big:\n    type: string\n    description: "');
      for (let i = 0; i < step.megabytes; i++) await handle.write(chunk);
      await handle.write('"\n');
      await handle.close();
      return;
    }
    case 'flow-collection': {
      const entries = Array.from({ length: step.entries }, (_, i) => (step.shape === 'mapping' ? `k${i}: ${i}` : String(i)));
      await writeFile(file, step.shape === 'mapping' ? `extra: {${entries.join(', ')}}\n` : `categories: [${entries.join(', ')}]\n`);
      return;
    }
    case 'block-mapping': {
      const lines = ['extra:', ...Array.from({ length: step.entries }, (_, i) => `  k${i}: ${i}`), ...(step.repeatFirstKey ? ['  k0: again'] : [])];
      await writeFile(file, `${lines.join('\n')}\n`);
      return;
    }
    case 'ref-chain': {
      const kinds = ['properties', 'allOf', 'items'] as const;
      const lines = ['schemas:'];
      for (let i = 0; i < step.schemas; i++) {
        const through = step.through === 'mixed' ? kinds[i % kinds.length]! : step.through;
        const last = i === step.schemas - 1;
        lines.push(last && step.ring !== true ? `  S${i}: { type: string }` : `  S${i}: ${chainLink(last ? 'properties' : through, `S${last ? 0 : i + 1}`)}`);
      }
      await writeFile(file, `${lines.join('\n')}\n`);
      return;
    }
    case 'file':
      await writeFile(file, step.text);
      return;
    case 'long-sequence': {
      const lines =
        step.shape === 'enum'
          ? ['schemas:', '  Long:', '    type: string', '    enum:', ...Array.from({ length: step.items }, (_, i) => `      - value-${i}`)]
          : ['categories:', ...Array.from({ length: step.items }, (_, i) => `  - ${i}`)];
      await writeFile(file, `${lines.join('\n')}\n`);
      return;
    }
  }
}

export interface Generated {
  readonly result: GenerateResult;
  /** The output folder after the run, plus the docs pages when the docs emitter is not registered yet. */
  readonly tree: Map<string, Buffer>;
}

/** Runs `generate` for the project's catalog into its `generated/` folder. */
export async function generateProject(project: Project): Promise<Generated> {
  const result = await generate({ catalogs: project.catalogDir, out: project.outDir, projectRoot: project.root });
  const tree = await readTree(project.outDir);
  if (result.ok && !EMITTER_NAMES.includes('docs')) {
    for (const catalog of result.catalogs) for (const [file, bytes] of await docsPages(catalog)) tree.set(file, bytes);
  }
  return { result, tree };
}

/** The docs pages of a catalog, emitted directly (used until `docs` is in the emitter registry). */
async function docsPages(catalog: Catalog): Promise<Map<string, Buffer>> {
  const templates = await loadTemplates(DEFAULT_TEMPLATES_DIR);
  return new Map(markdownEmitter.emit(catalog, { templates }).map((f) => [f.path, Buffer.from(f.contents, 'utf8')]));
}
