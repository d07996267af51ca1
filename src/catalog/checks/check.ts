import path from 'node:path';
import type { Diagnostic } from '../../diagnostics.js';
import { LinearPatterns } from '../linear-regexp.js';
import { NormalizedPayloads } from '../payload-schema.js';
import type { KeptRecords } from '../kept-records.js';
import type { CatalogSource } from '../source.js';
import { ObjectMemo } from './memo.js';
import { PayloadValidators } from './payload-validators.js';

/**
 * What the checks keep for later loads, held by a run context: per-event results by name
 * (see memo.ts), the normalized payload schemas (shared with the model), and ajv with the
 * validators it compiled.
 */
export class CheckMemory {
  private readonly memos = new Map<string, ObjectMemo<unknown>>();
  private readonly validators = new Map<string, PayloadValidators>();
  private readonly loads = new WeakMap<CatalogSource, Map<string, unknown>>();
  readonly payloads = new NormalizedPayloads();
  /** Catalog patterns compiled by RE2, by their text. */
  readonly patterns = new LinearPatterns();

  /** What `make` finds in one load's `source`, found once however many checks ask. */
  once<T>(source: CatalogSource, name: string, make: () => T): T {
    let found = this.loads.get(source);
    if (found === undefined) this.loads.set(source, (found = new Map()));
    if (!found.has(name)) found.set(name, make());
    return found.get(name) as T;
  }

  /** ajv and its validators for the catalog in `folder` (its shared schemas are its own). */
  validatorsFor(folder: string): PayloadValidators {
    const key = path.resolve(folder);
    let validators = this.validators.get(key);
    if (validators === undefined) this.validators.set(key, (validators = new PayloadValidators(this.patterns)));
    return validators;
  }

  /** The memo called `name` (made on first use); each check names its own. */
  memo<T>(name: string): ObjectMemo<T> {
    let memo = this.memos.get(name);
    if (memo === undefined) this.memos.set(name, (memo = new ObjectMemo<unknown>()));
    return memo as ObjectMemo<T>;
  }
}

/** One semantic check: reads the assembled catalog, returns every problem it finds. `memory`
 * holds what earlier loads of the same run context found. */
export type Check = (source: CatalogSource, memory: CheckMemory, kept?: KeptRecords) => Diagnostic[];
