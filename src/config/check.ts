/** Checks the value a config file exports: known keys with the right types, a "did you mean" for the rest. */
import { closestName } from '../did-you-mean.js';
import { UsageError } from '../usage-error.js';
import type { HookcatConfig } from './define.js';

type Kind = 'string' | 'strings' | 'text' | 'site' | 'folderOrFalse';

const KEYS: { readonly [key: string]: Kind } = {
  catalogs: 'string',
  out: 'string',
  templates: 'string',
  catalog: 'strings',
  only: 'strings',
  locale: 'strings',
  cache: 'folderOrFalse',
  site: 'site',
};

const SITE_KEYS: { readonly [key: string]: Kind } = {
  title: 'text',
  description: 'text',
  base: 'string',
  logo: 'string',
  locales: 'strings',
  out: 'string',
};

const EXPECTED: { readonly [kind in Kind]: string } = {
  string: 'a string',
  strings: 'a list of strings',
  text: 'a string, or an object from locale to string',
  site: 'an object',
  folderOrFalse: 'a folder name, or false',
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function fits(kind: Kind, value: unknown): boolean {
  switch (kind) {
    case 'string':
      return typeof value === 'string';
    case 'strings':
      return Array.isArray(value) && value.every((v) => typeof v === 'string');
    case 'text':
      return typeof value === 'string' || (isRecord(value) && Object.values(value).every((v) => typeof v === 'string'));
    case 'site':
      return isRecord(value);
    case 'folderOrFalse':
      return value === false || (typeof value === 'string' && value !== '');
  }
}

/** Every problem of one object's keys, each a line such as "`outDir` is not a setting; did you mean `out`?". */
function problemsOf(data: Record<string, unknown>, keys: { readonly [key: string]: Kind }, where: string): string[] {
  const problems: string[] = [];
  for (const [key, value] of Object.entries(data)) {
    const kind = Object.hasOwn(keys, key) ? keys[key] : undefined;
    if (kind === undefined) {
      const close = closestName(key, Object.keys(keys));
      const hint = close === undefined ? `the settings are ${Object.keys(keys).join(', ')}` : `did you mean \`${where}${close}\`?`;
      problems.push(`\`${where}${key}\` is not a setting; ${hint}`);
    } else if (value !== undefined && !fits(kind, value)) {
      problems.push(`\`${where}${key}\` must be ${EXPECTED[kind]}`);
    } else if (kind === 'site' && isRecord(value)) {
      problems.push(...problemsOf(value, SITE_KEYS, 'site.'));
    }
  }
  return problems;
}

/** The config `data` (what a config file exports), or a UsageError naming every wrong key of `file`. */
export function checkConfig(data: unknown, file: string): HookcatConfig {
  if (!isRecord(data)) throw new UsageError(`config file ${file} must export an object (export default defineConfig({ ... }))`);
  const problems = problemsOf(data, KEYS, '');
  if (problems.length > 0) throw new UsageError(`config file ${file}: ${problems.join('; ')}`);
  return data as HookcatConfig;
}
