/** The optional config file: the same settings as the generate options, as JSON. */
import { readFile } from 'node:fs/promises';
import { UsageError, type GenerateOptions } from './generate.js';

export const DEFAULT_CONFIG_FILE = 'hookcat.config.json';

const STRING_KEYS = ['catalogs', 'out', 'templates'] as const;
const LIST_KEYS = { catalog: 'catalogIds', only: 'only', locale: 'locales' } as const;

/**
 * Reads `hookcat.config.json` (or `file`): `{ "catalogs": "catalog", "out": "generated",
 * "templates": "templates", "catalog": ["wink"], "only": ["types"], "locale": ["et"] }`.
 * A missing default file is no config; a missing named file is a usage error.
 */
export async function readConfig(file: string | undefined): Promise<GenerateOptions> {
  const text = await readFile(file ?? DEFAULT_CONFIG_FILE, 'utf8').catch(() => undefined);
  if (text === undefined) {
    if (file !== undefined) throw new UsageError(`config file ${file} not found`);
    return {};
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`config file ${file ?? DEFAULT_CONFIG_FILE} is not valid JSON: ${(error as Error).message}`);
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) throw new UsageError('the config file must hold a JSON object');
  const record = data as Record<string, unknown>;
  const options: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    if ((STRING_KEYS as readonly string[]).includes(key) && typeof value === 'string') options[key] = value;
    else if (Object.hasOwn(LIST_KEYS, key) && Array.isArray(value) && value.every((v) => typeof v === 'string'))
      options[LIST_KEYS[key as keyof typeof LIST_KEYS]] = value;
    else
      throw new UsageError(
        `config file: \`${key}\` is not a setting, or has the wrong type (strings: ${STRING_KEYS.join(', ')}; lists of strings: ${Object.keys(LIST_KEYS).join(', ')})`,
      );
  }
  return options as GenerateOptions;
}
