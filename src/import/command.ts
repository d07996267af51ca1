/**
 * `hookcat import openapi <file>` and `hookcat import json-schema <folder> --key <pattern>`: the
 * commands and their options. What they do (`run.ts`, with yaml, ajv and the loader) is loaded
 * only when one of them runs, so that the CLI starts without those libraries.
 */
import type { Command } from 'commander';
import type { CatalogHandOff } from '../load.js';
import type { ImportFlags, ImportOutcome } from './run.js';

const work = (): Promise<typeof import('./run.js')> => import('./run.js');

/** What `--generate` runs after the import: `hookcat generate`, over the project's catalogs. */
export interface ThenGenerate {
  /** The folder `hookcat generate` reads catalogs from (the config's, else `catalog`). */
  catalogsFolder(): Promise<string>;
  /** Runs it, the catalog `id` included when the config selects catalogs, with what the import
   * hands over (its files' data, its compiled validators); the exit code. */
  generate(id: string, handOff: CatalogHandOff): Promise<number>;
}

/** Registers `import openapi` and `import json-schema` on the CLI. */
export function registerImportCommands(cli: Command, then: ThenGenerate): void {
  const command = cli.command('import').description('write a catalog from an OpenAPI document or a folder of JSON Schemas');
  const common = (sub: Command): Command =>
    sub
      .option('--out <dir>', 'catalog folder to write (default: catalog/<id>)')
      .option('--id <id>', 'catalog id (default: from the source name)')
      .option('--type-header <name>', 'the header that names the event (default: one named like X-...-Event)')
      .option('--action-field <name>', "the body field naming the event's variant (default: action, when the bodies have it)")
      .option('--force', 'write into a folder that is not empty')
      .option('--generate', 'then run `hookcat generate` (with the config) in the same process, which checks the new catalog');
  const run = async (importing: (flags: ImportFlags) => Promise<ImportOutcome>, flags: ImportFlags): Promise<void> => {
    const generateFrom = flags.generate === true ? await then.catalogsFolder() : undefined;
    const { code, id, handOff } = await importing({ ...flags, generateFrom });
    process.exitCode = code === 0 && generateFrom !== undefined ? await then.generate(id, handOff) : code;
  };
  common(command.command('openapi').description('import the webhooks of an OpenAPI 3.0 or 3.1 document').argument('<file>', 'JSON or YAML document')).action(
    async (file: string, flags: ImportFlags) => {
      const { importOpenApiFile } = await work();
      await run((given) => importOpenApiFile(file, given), flags);
    },
  );
  common(
    command
      .command('json-schema')
      .description('import a folder of payload JSON Schemas')
      .argument('<folder>', 'folder of *.json schemas')
      .requiredOption(
        '--key <pattern>',
        'event key of each file: {dir} (its folder, `/` as `.`) and {name} (its name without .schema.json), e.g. {dir}.{name}',
      ),
  ).action(async (folder: string, flags: ImportFlags) => {
    const { importSchemaFolder } = await work();
    await run((given) => importSchemaFolder(folder, given), flags);
  });
}
