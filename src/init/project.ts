/**
 * The project files `hookcat init` writes or adds to: the config file, the npm scripts and
 * development dependencies in `package.json`, and `.gitignore`. Pure functions from the files'
 * present text to their new text; what a project already has is kept.
 */
import { UsageError } from '../usage-error.js';
import { withoutByteOrderMark } from '../byte-order-mark.js';

/** npm scripts for the everyday commands; a script of the same name the project has is kept. */
export const SCRIPTS: { readonly [name: string]: string } = {
  'catalog:validate': 'hookcat validate',
  'catalog:generate': 'hookcat generate',
  'catalog:check': 'hookcat generate --check',
  'docs:dev': 'hookcat site dev',
  'docs:build': 'hookcat site build',
  'docs:preview': 'hookcat site preview',
};

/** The config file `hookcat init` writes: `hookcat.config.mjs`, typed by `defineConfig`. */
export function configFile(siteTitle: { readonly [locale: string]: string }): string {
  return [
    '// hookcat\'s settings (README: "Config file"). Paths are relative to this folder; command-line flags override them.',
    "import { defineConfig } from 'hookcat';",
    '',
    'export default defineConfig({',
    "  catalogs: 'catalog',",
    "  out: 'generated',",
    '  site: {',
    `    title: { ${Object.entries(siteTitle)
      .map(([locale, title]) => `${JSON.stringify(locale)}: ${JSON.stringify(title)}`)
      .join(', ')} },`,
    "    out: 'docs-site',",
    '  },',
    '});',
    '',
  ].join('\n');
}

export interface PackageJsonChange {
  readonly text: string;
  /** Scripts the project had with another command, kept as they were. */
  readonly keptScripts: readonly string[];
  readonly addedDependencies: readonly string[];
}

/** Fields init adds to, which must be objects when present (npm refuses them otherwise too). */
const OBJECT_FIELDS = ['scripts', 'dependencies', 'devDependencies'];

/** The project's `package.json` as an object; one that init cannot add to is a usage error, so
 * that init changes nothing rather than dropping what the file holds. */
export function packageData(text: string): Record<string, unknown> {
  let data: unknown;
  try {
    data = JSON.parse(withoutByteOrderMark(text));
  } catch (error) {
    throw new UsageError(`init: package.json is not valid JSON (${(error as Error).message}); fix it, then run init again`);
  }
  if (!isPlainObject(data)) throw new UsageError('init: package.json is not a JSON object; fix it, then run init again');
  const wrong = OBJECT_FIELDS.filter((field) => Object.hasOwn(data, field) && !isPlainObject(data[field]));
  if (wrong.length > 0)
    throw new UsageError(`init: in package.json, ${wrong.map((f) => `"${f}"`).join(' and ')} must be an object; fix it, then run init again`);
  return data;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The indentation of a JSON text (npm keeps what a package.json uses). */
function indentOf(text: string): string {
  return /^\{\n([ \t]+)"/.exec(text)?.[1] ?? '  ';
}

/**
 * `package.json` with hookcat's scripts and development dependencies (`devDependencies`: name ->
 * range) added; `text` undefined makes a new one named `name`.
 */
export function withScripts(text: string | undefined, name: string, devDependencies: { readonly [name: string]: string }): PackageJsonChange {
  const data = text === undefined ? { name, private: true } : packageData(text);
  const record = (key: string): Record<string, string> => {
    const own = (data[key] ?? {}) as Record<string, string>;
    data[key] = own;
    return own;
  };
  const scripts = record('scripts');
  const keptScripts: string[] = [];
  for (const [script, command] of Object.entries(SCRIPTS)) {
    if (!Object.hasOwn(scripts, script)) scripts[script] = command;
    else if (scripts[script] !== command) keptScripts.push(script);
  }
  const installed = { ...(data['dependencies'] as Record<string, string> | undefined), ...(data['devDependencies'] as Record<string, string> | undefined) };
  const dev = record('devDependencies');
  const addedDependencies = Object.keys(devDependencies).filter((dependency) => !Object.hasOwn(installed, dependency));
  for (const dependency of addedDependencies) dev[dependency] = devDependencies[dependency]!;
  data['devDependencies'] = Object.fromEntries(Object.entries(dev).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return { text: `${JSON.stringify(data, null, text === undefined ? 2 : indentOf(text))}\n`, keptScripts, addedDependencies };
}

/** `.gitignore` with `lines` it lacks added at the end (undefined: a new one). */
export function withIgnored(text: string | undefined, lines: readonly string[]): string {
  const present = new Set((text ?? '').split(/\r?\n/).map((l) => l.trim()));
  const missing = lines.filter((line) => !present.has(line) && !present.has(line.replace(/\/$/, '')));
  if (missing.length === 0) return text ?? '';
  const start = text === undefined || text === '' ? '' : text.endsWith('\n') ? text : `${text}\n`;
  return `${start}${missing.join('\n')}\n`;
}
