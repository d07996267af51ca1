/**
 * Faults in the real `node:fs` functions the writer calls (on the main thread), for tests:
 * the functions are wrapped on the module object and `syncBuiltinESMExports` carries the
 * wrappers to every `import { renameSync } from 'node:fs'`. A wrapped call that fails throws
 * an error shaped as Node's own (`code`, `syscall`, `path`), so the writer's real mapping from
 * errno to message runs.
 */
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';

/** The functions that change the disk, as the writer uses them. */
const MUTATING = ['renameSync', 'rmSync', 'rmdirSync', 'mkdirSync', 'writeFileSync', 'writeSync', 'unlinkSync', 'openSync'] as const;
type Mutating = (typeof MUTATING)[number];

export interface FaultPlan {
  /** The errno code thrown, e.g. `ENOSPC`. */
  readonly code: string;
  /** Mutating calls that succeed before the first failure (default 0). */
  readonly after?: number;
  /** Calls made to fail at most (default: every one after `after`). */
  readonly times?: number;
  /** Only calls for which this holds count and fail (default every mutating call). */
  readonly when?: (name: Mutating, target: string) => boolean;
}

export interface Faults {
  /** Mutating calls seen (counted or not). */
  readonly calls: number;
  /** Calls that were made to fail. */
  readonly failed: number;
  restore(): void;
}

/** From now on, mutating `fs` calls that match `plan.when` fail with `plan.code` once `plan.after` of them have succeeded (`plan.times` of them at most). */
export function injectFaults(plan: FaultPlan): Faults {
  const originals = new Map<Mutating, (...args: never[]) => unknown>();
  const state = { calls: 0, counted: 0, failed: 0 };
  const record = fs as unknown as Record<Mutating, (...args: unknown[]) => unknown>;
  for (const name of MUTATING) {
    const original = record[name]!;
    originals.set(name, original as (...args: never[]) => unknown);
    record[name] = (...args: unknown[]) => {
      // `openSync` for reading and `writeSync` to a descriptor change nothing we can name.
      if (name === 'openSync' && (args[1] === undefined || args[1] === 'r')) return original(...args);
      const target = typeof args[0] === 'string' ? args[0] : String(args[0]);
      state.calls++;
      if (plan.when === undefined || plan.when(name, target)) {
        if (state.counted >= (plan.after ?? 0) && state.failed < (plan.times ?? Number.POSITIVE_INFINITY)) {
          state.failed++;
          throw errnoError(plan.code, name, target);
        }
        state.counted++;
      }
      return original(...args);
    };
  }
  syncBuiltinESMExports();
  return {
    get calls() {
      return state.calls;
    },
    get failed() {
      return state.failed;
    },
    restore() {
      for (const [name, original] of originals) record[name] = original as (...args: unknown[]) => unknown;
      syncBuiltinESMExports();
    },
  };
}

function errnoError(code: string, name: string, target: string): NodeJS.ErrnoException {
  const syscall = name.replace(/Sync$/, '');
  return Object.assign(new Error(`${code}: injected, ${syscall} '${target}'`), { code, syscall, path: target, errno: -1 });
}
