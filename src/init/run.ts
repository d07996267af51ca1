/** What `hookcat init [dir]` does (see `command.ts`): a starter catalog that validates, a config file, npm scripts and VitePress for the site. */
import { canonicalLocale } from '../locale/tags.js';
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { CONFIG_FILES } from '../config/read.js';
import { UsageError } from '../usage-error.js';
import { packageInfo } from '../package-info.js';
import { configFile, packageData, withIgnored, withScripts } from './project.js';
import { starterCatalog, texts, type StarterFile } from './starter.js';
import { STARTER_LOCALES } from './starter-texts.js';

export interface InitFlags {
  readonly id?: string;
  readonly name?: string;
  readonly locale?: string[];
  readonly site: boolean;
  readonly force?: true;
}

const ID = /^[a-z][a-z0-9]*([_-][a-z0-9]+)*$/;

/** A project file's text, undefined when there is none; any other failure is one line (exit 2). */
async function readText(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw projectFileError(error, file, 'read');
  }
}

async function writeText(file: string, text: string): Promise<void> {
  try {
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, text);
  } catch (error) {
    throw projectFileError(error, file, 'write');
  }
}

function projectFileError(error: unknown, file: string, doing: 'read' | 'write'): unknown {
  const code = (error as NodeJS.ErrnoException).code;
  if (typeof code !== 'string') return error;
  const reason = (error as Error).message.replace(/^\w+: /, '').replace(/, \w+ '.*'$/, '');
  return new UsageError(`init: cannot ${doing} ${path.relative(process.cwd(), file) || file}: ${reason} (${code})`);
}

async function exists(file: string): Promise<boolean> {
  return (await stat(file).catch(() => undefined)) !== undefined;
}

/** A catalog id made of a package or folder name: `@acme/Web Hooks` -> `web-hooks`. */
export function idFrom(name: string): string | undefined {
  const id = name
    .replace(/^@[^/]*\//, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^[^a-z]+|-+$/g, '');
  return ID.test(id) ? id : undefined;
}

export async function init(dir: string, flags: InitFlags): Promise<number> {
  const root = path.resolve(dir);
  await mkdir(root, { recursive: true }).catch((error: unknown) => {
    throw projectFileError(error, root, 'write');
  });
  const packageFile = path.join(root, 'package.json');
  const packageText = await readText(packageFile);
  const packageName = packageText === undefined ? undefined : packageData(packageText)['name'];
  const id = flags.id ?? idFrom(typeof packageName === 'string' ? packageName : '') ?? idFrom(path.basename(root)) ?? 'webhooks';
  if (!ID.test(id)) throw new UsageError(`--id ${id}: a catalog id is lower-case letters and digits, with - or _ between them`);
  // What the catalog format and `generate --locale` take: BCP 47 tags, written canonically (`zh-hant-tw` -> `zh-Hant-TW`).
  const given = flags.locale ?? ['en'];
  const wrong = given.filter((l) => canonicalLocale(l) === undefined);
  if (wrong.length > 0) throw new UsageError(`--locale ${wrong.join(', ')}: a locale is a BCP 47 language tag such as en, pt-BR, es-419 or zh-Hant-TW`);
  const locales = [...new Set(given.map((l) => canonicalLocale(l)!))];
  if (!STARTER_LOCALES.includes(locales[0]!))
    throw new UsageError(
      `the starter texts are in ${STARTER_LOCALES.join(' and ')}: put one of them first in --locale (the source locale); the others are left to translate`,
    );
  // The texts say `{name} webhooks`: a project named `acme-webhooks` is Acme, not "Acme webhooks webhooks".
  const stem = id.replace(/[-_]+(webhooks?|hooks)$/, '') || id;
  const name = flags.name ?? stem.replace(/[-_]+/g, ' ').replace(/^./, (c) => c.toUpperCase());

  const files: StarterFile[] = starterCatalog({ id, name, locales });
  const existingConfig = (await Promise.all(CONFIG_FILES.map(async (file) => ((await exists(path.join(root, file))) ? file : undefined)))).find(Boolean);
  if (existingConfig === undefined) {
    files.push({ path: 'hookcat.config.mjs', contents: configFile(texts({ id, name, locales }, (t) => t.title)) });
  }
  const taken = (await Promise.all(files.map(async (f) => ((await exists(path.join(root, f.path))) ? f.path : undefined)))).filter((f) => f !== undefined);
  if (taken.length > 0 && flags.force !== true) throw new UsageError(`init: ${taken.join(', ')} exist already; --force overwrites them`);

  const info = packageInfo();
  const dependencies: { [name: string]: string } = { hookcat: `^${info.version}`, ...(flags.site ? { vitepress: info.vitepress } : {}) };
  const pkg = withScripts(packageText, idFrom(path.basename(root)) ?? id, dependencies);
  const gitignore = path.join(root, '.gitignore');
  // Read before the first write, so that a .gitignore that cannot be read stops init with nothing written.
  const ignored = withIgnored(await readText(gitignore), ['node_modules/', 'docs-site/']);
  const written = [...files.map((f) => f.path), 'package.json', '.gitignore'];
  for (const file of files) await writeText(path.join(root, file.path), file.contents);
  await writeText(packageFile, pkg.text);
  await writeText(gitignore, ignored);

  const out = process.stderr;
  out.write(`init: wrote ${written.join(', ')}\n`);
  if (existingConfig !== undefined) out.write(`init: kept ${existingConfig}\n`);
  for (const script of pkg.keptScripts) out.write(`init: kept your npm script ${script}; hookcat's would be \`${script}\`\n`);
  const next = [
    ...(pkg.addedDependencies.length > 0 ? [`npm install       # installs ${pkg.addedDependencies.join(' and ')}`] : []),
    'npx hookcat generate',
    ...(flags.site ? ['npx hookcat site build', 'npx hookcat site preview'] : []),
  ];
  out.write(`next:\n${next.map((line) => `  ${line}\n`).join('')}`);
  return 0;
}
