/**
 * What the emitter made for each catalog last, with the key it was made from: a rerun in the
 * same process (watch mode, regenerate after an edit) reuses it when the key is unchanged. One
 * value per catalog id, so several catalogs do not push each other out and nothing piles up.
 */
import { keepsEmittedText } from '../keep.js';

export class CatalogMemo<T> {
  private readonly last = new Map<string, { readonly key: string; readonly value: T }>();

  /** The value for `catalogId` made from `key`, made by `make` unless it was the last one made. */
  get(catalogId: string, key: string, make: () => T): T {
    if (!keepsEmittedText()) {
      this.last.delete(catalogId);
      return make();
    }
    const known = this.last.get(catalogId);
    if (known !== undefined && known.key === key) return known.value;
    const value = make();
    this.last.set(catalogId, { key, value });
    return value;
  }
}
