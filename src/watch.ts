/** `generate --watch`: regenerate on every change to the catalogs or templates, debounced. */
import { statSync, watch, type FSWatcher } from 'node:fs';
import path from 'node:path';
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
 * nothing, so the last good output stays in place. `onRun` receives every result. A watched
 * folder that is removed (or replaced, or renamed away) is looked for again after each run,
 * and watched again when it comes back. */
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
      if (!closed) for (const w of watches) w.arm();
    });
  };
  const schedule = (): void => {
    if (closed) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(run, options.debounceMs ?? 150);
  };
  const watches = folders.map((folder) => new FolderWatch(folder, schedule));
  run();
  return {
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      for (const w of watches) w.close();
      await running;
    },
  };
}

/**
 * One folder watched with all below it; while it does not exist, its nearest existing parent
 * is watched (not recursively) for it to appear. `arm` watches again whatever is there now.
 */
class FolderWatch {
  private watcher: FSWatcher | undefined;
  /** What is watched: `folder dev:ino` for the folder itself, `parent <path>` while it is missing. */
  private watching: string | undefined;

  constructor(
    private readonly folder: string,
    private readonly changed: () => void,
  ) {
    this.arm(false);
  }

  /** Watches the folder again when it was removed, replaced or made since it was last looked at;
   * a folder that came back counts as a change (its new files were never seen). */
  arm(report = true, again = false): void {
    const stats = statSync(this.folder, { throwIfNoEntry: false });
    const target = stats?.isDirectory() === true ? `folder ${stats.dev}:${stats.ino}` : `parent ${nearestExisting(path.dirname(path.resolve(this.folder)))}`;
    if (target === this.watching && !again) return;
    const cameBack = this.watching !== undefined && target.startsWith('folder ');
    this.close();
    this.watching = target;
    try {
      this.watcher = target.startsWith('folder ')
        ? watch(this.folder, { recursive: true }, (event) => {
            // Node 20's recursive watch on Linux watches each file it found: a file replaced by a
            // rename (`sed -i`, `git checkout`, an editor's safe write) is then watched no more.
            // Watching the folder again finds every file as it now is.
            if (event === 'rename') this.arm(false, true);
            this.changed();
          })
        : watch(target.slice('parent '.length), () => this.arm());
      // A watch that fails (its folder removed under it) is made again by the next `arm`.
      this.watcher.on('error', () => this.close());
    } catch {
      // Not watchable (no permission, no watches left): it is looked for again after the next run.
      this.watching = undefined;
    }
    if (cameBack && report) this.changed();
  }

  close(): void {
    this.watcher?.close();
    this.watcher = undefined;
    this.watching = undefined;
  }
}

/** `folder`, or its nearest ancestor that exists. */
function nearestExisting(folder: string): string {
  const parent = path.dirname(folder);
  return statSync(folder, { throwIfNoEntry: false })?.isDirectory() === true || parent === folder ? folder : nearestExisting(parent);
}
