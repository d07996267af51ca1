/** A worker thread running one of hookcat's modules, from the built package or from its sources. */
import { Worker } from 'node:worker_threads';

/**
 * Starts the worker module `name` beside the module at `here` (its `import.meta.url`): the
 * compiled `<name>.js` when hookcat runs built, or, when it runs from its sources (tsx, vitest),
 * `<name>.ts` through tsx's loader.
 */
export function startWorkerModule(here: string, name: string): Worker {
  if (!here.endsWith('.ts')) return new Worker(new URL(`./${name}.js`, here));
  const source = new URL(`./${name}.ts`, here).href;
  const boot = `import { register } from ${JSON.stringify(import.meta.resolve('tsx/esm/api'))};\nregister();\nawait import(${JSON.stringify(source)});\n`;
  return new Worker(new URL(`data:text/javascript,${encodeURIComponent(boot)}`));
}
