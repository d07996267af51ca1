/**
 * Keys written twice in one mapping, found in linear time. `yaml`'s own check (`uniqueKeys`)
 * compares every new key with every key before it in the mapping: a mapping of 100,000 entries
 * takes minutes (issue 10). The parser runs without it, and this walk gives the same verdict
 * with one lookup per key: scalar keys are the same when their values are (`a.value ===
 * b.value`, as `yaml` compares them; NaN never equals itself).
 */
import { isMap, isPair, isScalar, type Document } from 'yaml';
import { walkYaml } from './yaml-walk.js';

export interface DuplicateKeys {
  /** Offset of each key that repeats an earlier key of its mapping: a mapping's repeats before those of
   * the mappings it holds (diagnostics are sorted by place when shown). */
  readonly offsets: number[];
  /** Keys looked up: one per mapping entry with a scalar key (the work is linear). */
  readonly lookups: number;
}

/** Stands for every merge key `<<` of a mapping. */
const MERGE_KEY = Symbol('<<');

export function findDuplicateKeys(document: Document.Parsed): DuplicateKeys {
  const offsets: number[] = [];
  let lookups = 0;
  walkYaml(document.contents, {
    node(map) {
      if (!isMap(map)) return;
      const seen = new Set<unknown>();
      for (const pair of map.items) {
        if (!isPair(pair) || !isScalar(pair.key)) continue;
        // Each merge key `<<` is read as a new symbol: two of them in one mapping are one key twice.
        const value = typeof pair.key.value === 'symbol' ? MERGE_KEY : pair.key.value;
        lookups++;
        if (Number.isNaN(value)) continue;
        if (seen.has(value)) offsets.push(pair.key.range?.[0] ?? 0);
        else seen.add(value);
      }
    },
  });
  return { offsets, lookups };
}
