/**
 * Runs hookcat's own pipeline (`generate`) on a provider fixture into a fresh folder under
 * `.scratch/`, reads back what it wrote and removes the folder: the tests then check the files
 * with tools that owe nothing to hookcat.
 */
import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { generate, type GenerateResult } from '../../src/generate.js';
import type { Diagnostic } from '../../src/diagnostics.js';

export const REPO = path.resolve(import.meta.dirname, '../..');
export const PROVIDERS = path.join(REPO, 'test/fixtures/providers');

/** Every output, the pages included. */
export const OUTPUTS = ['types', 'schemas', 'openapi', 'docs'] as const;

// biome-ignore lint/suspicious/noExplicitAny: JSON documents are walked freely in assertions
export type Json = Record<string, any>;

export interface ProviderOutput {
  readonly result: GenerateResult;
  /** Every file written for the catalog, by path relative to its folder (`types.ts`, `schemas/...`). */
  readonly files: ReadonlyMap<string, string>;
}

/** The catalog folder of a provider fixture. */
export function catalogFolder(provider: string): string {
  return path.join(PROVIDERS, provider, 'catalog');
}

/** Generates `provider`'s catalog and reads the output back; nothing is left on disk. */
export async function generateProvider(provider: string): Promise<ProviderOutput> {
  const scratch = path.join(REPO, '.scratch');
  await mkdir(scratch, { recursive: true });
  const out = await mkdtemp(path.join(scratch, `provider-${provider}-`));
  try {
    const result = await generate({ catalogs: catalogFolder(provider), out, only: OUTPUTS, projectRoot: REPO });
    const files = new Map<string, string>();
    if (result.ok) {
      const root = path.join(out, provider);
      for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
        if (!entry.isFile()) continue;
        const full = path.join(entry.parentPath, entry.name);
        files.set(path.relative(root, full).split(path.sep).join('/'), await readFile(full, 'utf8'));
      }
    }
    return { result, files };
  } finally {
    await rm(out, { recursive: true, force: true });
  }
}

/** The JSON files under `schemas/`, parsed, by path relative to `schemas/`. */
export function schemaFiles(output: ProviderOutput): Map<string, Json> {
  return new Map(
    [...output.files]
      .filter(([file]) => file.startsWith('schemas/') && file.endsWith('.schema.json'))
      .map(([file, text]) => [file.slice('schemas/'.length), JSON.parse(text) as Json]),
  );
}

/** `file:line:col CODE message`, for readable failures. */
export function describeDiagnostics(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((d) => `${path.relative(REPO, d.file)}:${d.line}:${d.column} ${d.severity} ${d.code} ${d.message}`);
}

/** A delivery body copied from a provider's documentation, with where it comes from. */
export interface DocumentedDelivery {
  readonly file: string;
  readonly source: string;
  readonly section: string;
  readonly note: string;
  readonly body: unknown;
}

/** Every `deliveries/*.json` of a provider fixture, in name order. */
export async function documentedDeliveries(provider: string): Promise<DocumentedDelivery[]> {
  const folder = path.join(PROVIDERS, provider, 'deliveries');
  const names = (await readdir(folder)).filter((name) => name.endsWith('.json')).sort();
  return Promise.all(
    names.map(async (file) => ({ file, ...(JSON.parse(await readFile(path.join(folder, file), 'utf8')) as Omit<DocumentedDelivery, 'file'>) })),
  );
}
