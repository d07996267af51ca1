/**
 * Reading a templates folder into a `TemplateSet` (the docs emitter never reads files):
 *
 *   <dir>/<page>.hbs             page templates: overview, events, event, subscriptions
 *   <dir>/partials/<name>.hbs    partials, used as {{> name}}
 *   <dir>/messages/<locale>.json per-locale messages: { "id": "text", ... }
 *
 * A team overrides the defaults by pointing at its own folder with the same file names:
 * files found there replace the default file of the same name, the rest stay the defaults.
 * The shipped templates write canonical markdown; when a page template or partial is
 * overridden, the set carries a `normalize` (remark, loaded only then) for its pages.
 */
import { UsageError } from './usage-error.js';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TemplateSet } from './emit/emitter.js';

/** The templates shipped with hookcat (`templates/` at the package root). */
export const DEFAULT_TEMPLATES_DIR = fileURLToPath(new URL('../templates/', import.meta.url));

/** Files of `dir` ending in `extension`, by name without it; empty when `dir` is absent. */
async function filesIn(dir: string, extension: string): Promise<Map<string, string>> {
  let names: string[];
  try {
    names = (await readdir(dir, { withFileTypes: true })).filter((e) => e.isFile() && e.name.endsWith(extension)).map((e) => e.name);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new Map();
    throw error;
  }
  names.sort();
  const entries = await Promise.all(names.map(async (name) => [name.slice(0, -extension.length), await readFile(path.join(dir, name), 'utf8')] as const));
  return new Map(entries);
}

/** Parses one message file: a flat object of strings. */
function parseMessages(file: string, text: string): { [id: string]: string } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${file}: not valid JSON (${(error as Error).message})`);
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) throw new UsageError(`${file}: expected an object of message id -> text`);
  const messages: { [id: string]: string } = {};
  for (const [id, value] of Object.entries(data)) {
    if (typeof value !== 'string') throw new UsageError(`${file}: message "${id}" is not a string`);
    Object.defineProperty(messages, id, { value, enumerable: true });
  }
  return messages;
}

async function readSet(dir: string): Promise<TemplateSet> {
  const [pages, partials, messageFiles] = await Promise.all([
    filesIn(dir, '.hbs'),
    filesIn(path.join(dir, 'partials'), '.hbs'),
    filesIn(path.join(dir, 'messages'), '.json'),
  ]);
  const messages: { [locale: string]: { [id: string]: string } } = {};
  for (const [locale, text] of messageFiles) messages[locale] = parseMessages(path.join(dir, 'messages', `${locale}.json`), text);
  return { pages: Object.fromEntries(pages), partials: Object.fromEntries(partials), messages };
}

/** The folder a run takes its templates from: `dir` when given, else the project's
 * `templates/` when it has one, else hookcat's own. */
export async function templatesFolder(dir: string | undefined, projectRoot: string = process.cwd()): Promise<string> {
  if (dir !== undefined) return dir;
  const project = path.join(projectRoot, 'templates');
  return (await stat(project).catch(() => undefined))?.isDirectory() === true ? project : DEFAULT_TEMPLATES_DIR;
}

/** Where a project adds its own templates and message files: `dir`, else `templates/` in the project. */
export function ownTemplatesFolder(dir: string | undefined, projectRoot: string = process.cwd()): string {
  return dir ?? path.join(projectRoot, 'templates');
}

/**
 * The templates in `dir` (default: hookcat's own). For another folder, its files replace
 * the defaults of the same name, and its messages replace the default messages with the
 * same locale and id (so a team can change one word).
 */
export async function loadTemplates(dir: string = DEFAULT_TEMPLATES_DIR): Promise<TemplateSet> {
  if (!(await stat(dir).catch(() => undefined))?.isDirectory()) throw new UsageError(`templates folder not found: ${dir}`);
  const own = await readSet(dir);
  if (path.resolve(dir) === path.resolve(DEFAULT_TEMPLATES_DIR)) return own;
  const defaults = await readSet(DEFAULT_TEMPLATES_DIR);
  const merged = {
    pages: { ...defaults.pages, ...own.pages },
    partials: { ...defaults.partials, ...own.partials },
    messages: mergeMessages(defaults.messages, own.messages),
  };
  if (Object.keys(own.pages).length === 0 && Object.keys(own.partials).length === 0) return merged;
  const { normalizePage } = await import('./emit/markdown/normalize.js');
  return { ...merged, normalize: normalizePage };
}

function mergeMessages(base: TemplateSet['messages'], over: TemplateSet['messages']): TemplateSet['messages'] {
  const merged: { [locale: string]: { readonly [id: string]: string } } = { ...base };
  for (const [locale, messages] of Object.entries(over)) merged[locale] = { ...(base[locale] ?? {}), ...messages };
  return merged;
}
