/**
 * Finding and reading the project's config file: `hookcat.config.ts`, `.mjs`, `.js` or `.json`
 * in the folder hookcat runs in (or the file `--config` names). JavaScript files are imported,
 * TypeScript through jiti (as ESLint reads `eslint.config.ts`), JSON parsed.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { UsageError } from '../usage-error.js';
import { checkConfig } from './check.js';
import type { HookcatConfig } from './define.js';

/** The names a config file may have, in the order they are looked for. */
export const CONFIG_FILES = ['hookcat.config.ts', 'hookcat.config.mjs', 'hookcat.config.js', 'hookcat.config.json'] as const;

export interface ReadConfig {
  readonly config: HookcatConfig;
  /** The file read, relative to the folder given; undefined when there is none. */
  readonly file: string | undefined;
}

async function isFile(file: string): Promise<boolean> {
  return (await stat(file).catch(() => undefined))?.isFile() ?? false;
}

/** The config file to read: `named`, or the one of `CONFIG_FILES` present in `cwd` (two present is a mistake). */
async function findConfigFile(named: string | undefined, cwd: string): Promise<string | undefined> {
  if (named !== undefined) {
    if (!(await isFile(path.resolve(cwd, named)))) throw new UsageError(`config file ${named} not found`);
    return named;
  }
  const present: string[] = [];
  for (const name of CONFIG_FILES) if (await isFile(path.join(cwd, name))) present.push(name);
  if (present.length > 1) throw new UsageError(`found ${present.join(' and ')}: keep one config file`);
  return present[0];
}

/** The value the config file exports (its default export), or the JSON it holds. */
async function exportedBy(file: string): Promise<unknown> {
  const extension = path.extname(file);
  if (extension === '.json') {
    try {
      return JSON.parse(await readFile(file, 'utf8')) as unknown;
    } catch (error) {
      throw new UsageError(`config file ${file} is not valid JSON: ${(error as Error).message}`);
    }
  }
  try {
    if (['.ts', '.mts', '.cts'].includes(extension)) {
      const { createJiti } = await import('jiti');
      return await createJiti(import.meta.url, { fsCache: false, moduleCache: false }).import(file, { default: true });
    }
    const module = (await import(pathToFileURL(file).href)) as { default?: unknown };
    return await module.default;
  } catch (error) {
    throw new UsageError(`config file ${file} could not be loaded: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/**
 * Reads the config of the project in `cwd`: the file `named` (relative to `cwd`), else the one of
 * `hookcat.config.{ts,mjs,js,json}` present. No file is no config; a named file that is missing,
 * two files, an unknown key or a wrong type is a UsageError.
 */
export async function readConfig(named: string | undefined, cwd: string = process.cwd()): Promise<ReadConfig> {
  const file = await findConfigFile(named, cwd);
  if (file === undefined) return { config: {}, file: undefined };
  return { config: checkConfig(await exportedBy(path.resolve(cwd, file)), file), file };
}
