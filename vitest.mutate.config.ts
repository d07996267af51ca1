/**
 * The vitest config of `npm run mutate` (StrykerJS, stryker.config.json): the project's config
 * without the tests that cannot kill a mutant in src/catalog, src/model, src/emit or src/write
 * because they run hookcat in another process (the CLI, the crash test, the package install, the
 * site build in a browser, vitest itself), read the sources as text (the module-state test sees
 * Stryker's instrumented copy), or run random catalogs for minutes (the property tests: a mutant
 * they would kill is a gap for a fixture to close).
 *
 * Stryker's vitest runner asks for the `threads` pool, where `process.chdir` (the in-process CLI
 * runs of the write tests) is refused; a project of its own keeps the `forks` pool. One fork runs
 * every test file of a mutant (`isolate: false`): a fresh process per file spent seconds importing
 * ajv, ts-morph and remark again, for each of a mutant's dozens of test files.
 */
import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.js';

export const NOT_MUTATION_TESTS = [
  'test/cli.test.ts',
  'test/cli-internal-error.test.ts',
  'test/goldens.test.ts',
  'test/module-state.test.ts',
  'test/docs/**',
  'test/history/diff-command.test.ts',
  'test/receiver/package.test.ts',
  'test/write/crash.test.ts',
  'test/write/fs-errors-other-user.test.ts',
  'test/catalog/read-errors.test.ts',
  'test/hostile/properties.test.ts',
];

export default mergeConfig(
  base,
  defineConfig({
    plugins: [
      {
        name: 'hookcat:forks',
        configureVitest({ project }) {
          project.config.pool = 'forks';
        },
      },
    ],
    test: { exclude: [...NOT_MUTATION_TESTS, 'node_modules/**'], isolate: false, maxWorkers: 1 },
  }),
);
