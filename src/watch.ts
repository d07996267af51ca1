/** `generate --watch`: regenerate on every change to the catalogs or templates, debounced. */
import { watch, type FSWatcher } from 'node:fs';
import { generate, type GenerateOptions, type GenerateResult } from './generate.js';
import { createRunContext } from './run-context.js';

export interface WatchOptions extends GenerateOptions {
  /** Quiet period after the last change before regenerating. */
  readonly debounceMs?: number;
  /** Folders to watch; default the catalogs and templates folders. */
  readonly folders?: readonly string[];
}

export interface Watcher {
  /** Stops watching; resolves when no run is in progress any more. */
  close(): Promise<void>;
}

/** Runs `generate` once, then again after each burst of changes. A run with errors writes
 * nothing, so the last good output stays in place. `onRun` receives every result. */
export function watchCatalogs(options: WatchOptions, onRun: (result: GenerateResult | Error) => void): Watcher {
  const folders = options.folders ?? [options.catalogs ?? 'catalog', options.templates ?? 'templates'];
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let closed = false;
  // One context for every run: each reuses what the runs before it learned.
  const context = options.context ?? createRunContext();
  const run = (): void => {
    running = running.then(async () => {
      if (closed) return;
      try {
        onRun(await generate({ ...options, check: false, context }));
      } catch (error) {
        onRun(error instanceof Error ? error : new Error(String(error)));
      }
    });
  };
  const schedule = (): void => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(run, options.debounceMs ?? 150);
  };
  const watchers: FSWatcher[] = [];
  for (const folder of folders) {
    try {
      watchers.push(watch(folder, { recursive: true }, schedule));
    } catch {
      // A folder that does not exist (no custom templates) is simply not watched.
    }
  }
  run();
  return {
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      for (const w of watchers) w.close();
      await running;
    },
  };
}
