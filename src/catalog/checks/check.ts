import path from 'node:path';
import type { Diagnostic } from '../../diagnostics.js';
import { NormalizedPayloads } from '../payload-schema.js';
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
  readonly payloads = new NormalizedPayloads();

  /** ajv and its validators for the catalog in `folder` (its shared schemas are its own). */
  validatorsFor(folder: string): PayloadValidators {
    const key = path.resolve(folder);
    let validators = this.validators.get(key);
    if (validators === undefined) this.validators.set(key, (validators = new PayloadValidators()));
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
export type Check = (source: CatalogSource, memory: CheckMemory) => Diagnostic[];
