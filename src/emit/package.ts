/**
 * A publishable npm package per catalog (`--only package`), under `<id>/package/`: the types
 * and the runtime compiled to ESM JavaScript + `.d.ts` (`dist/`), the JSON Schemas
 * (`schemas/`), `package.json` and a README in the source locale. `npm pack` in that folder
 * makes the tarball. Composed from the other emitters' files; ts-morph is loaded only here.
 */
import type { Catalog } from '../model/types.js';
import type { EmitOptions, Emitter, OutputFile } from './emitter.js';
import { jsonSchemaEmitter } from './json-schema.js';
import { compileModules } from './package/compile.js';
import { packageManifest } from './package/manifest.js';
import { packageReadme } from './package/readme.js';
import { runtimeFiles } from './runtime.js';
import { typescriptEmitter } from './typescript.js';

/** Every file of the package of `catalog`, paths relative to the output folder. */
export function packageFiles(catalog: Catalog, options: EmitOptions): OutputFile[] {
  if (options.templates === undefined) throw new Error('the package output needs the page messages (templates) for its README');
  const inCatalog = (file: OutputFile): OutputFile => ({ path: file.path.slice(catalog.id.length + 1), contents: file.contents });
  const modules = [...typescriptEmitter.emit(catalog, {}), ...runtimeFiles(catalog, options.memo)].map(inCatalog);
  const schemas = jsonSchemaEmitter.emit(catalog, {}).map(inCatalog);
  const at = (file: OutputFile): OutputFile => ({ path: `${catalog.id}/package/${file.path}`, contents: file.contents });
  return [
    { path: 'package.json', contents: packageManifest(catalog) },
    { path: 'README.md', contents: packageReadme(catalog, options.templates) },
    ...compileModules(modules).map((file) => ({ path: `dist/${file.path}`, contents: file.contents })),
    ...schemas,
  ].map(at);
}

export const packageEmitter: Emitter = {
  name: 'package',
  emit: packageFiles,
};
