/**
 * `uniqueItems` in time linear in the array, for every ajv hookcat makes (the example check and
 * the runtime's validators). ajv compares items pairwise unless `items` names only scalar types:
 * 20,000 small objects took 13 s, and a receiver's 25 MiB body days. Its scalar path looks items
 * up in a plain object, so two `"__proto__"` items passed as unique. Here each item gets a
 * canonical text (object keys sorted) and the texts are looked up in a `Map`.
 */
import type { Ajv2020, CodeKeywordDefinition } from 'ajv/dist/2020.js';
import { _, str } from 'ajv/dist/2020.js';
import { useFunc } from 'ajv/dist/compile/util.js';

/**
 * The helper's source, copied as is into the runtime's validators (its own text, so that the
 * runtime is the same whichever compiler built hookcat). `duplicateItems(items)` is `[i, j]` for
 * the last item `i` equal to an earlier one and the last such `j` before it (the pair ajv's own
 * loop reports), else undefined. Equal as JSON: same scalars (`0` and `-0` alike), arrays item by
 * item, objects with the same own keys in any order.
 */
export const DUPLICATE_ITEMS = `function duplicateItems(items) {
  const canonical = (value) => {
    if (typeof value === 'number') return Number.isFinite(value) ? JSON.stringify(value) : String(value);
    if (typeof value !== 'object' || value === null) return String(JSON.stringify(value));
    if (Array.isArray(value)) return '[' + value.map(canonical).join(',') + ']';
    return '{' + Object.keys(value).sort().map((key) => JSON.stringify(key) + ':' + canonical(value[key])).join(',') + '}';
  };
  const seen = new Map();
  let found;
  for (let i = 0; i < items.length; i++) {
    const key = canonical(items[i]);
    const j = seen.get(key);
    if (j !== undefined) found = [i, j];
    seen.set(key, i);
  }
  return found;
}`;

/** The expression the keyword's code calls the helper by, which the runtime's module replaces
 * with the helper's name (see `emit/runtime/validators.ts`). */
export const DUPLICATE_ITEMS_CODE = 'require("hookcat/unique-items").duplicateItems';

type DuplicateItems = ((items: readonly unknown[]) => [number, number] | undefined) & { readonly code: string };

/** The helper as a function of this process, made from the same source. */
function duplicateItemsFunction(): DuplicateItems {
  // hookcat's own constant source (no catalog text), as ajv makes its validators.
  const fn = new Function(`${DUPLICATE_ITEMS}\nreturn duplicateItems;`)() as (items: readonly unknown[]) => [number, number] | undefined;
  return Object.assign(fn, { code: DUPLICATE_ITEMS_CODE });
}

/** ajv's `uniqueItems`, with the same error (keyword, params `i` and `j`, message) and place among the array keywords. */
function uniqueItemsKeyword(): CodeKeywordDefinition {
  const duplicateItems = duplicateItemsFunction();
  return {
    keyword: 'uniqueItems',
    type: 'array',
    schemaType: 'boolean',
    before: 'maxContains',
    error: {
      message: ({ params: { i, j } }) => str`must NOT have duplicate items (items ## ${j} and ${i} are identical)`,
      params: ({ params: { i, j } }) => _`{i: ${i}, j: ${j}}`,
    },
    code(cxt) {
      const { gen, data, schema } = cxt;
      if (schema !== true) return;
      const pair = gen.const('duplicate', _`${useFunc(gen, duplicateItems)}(${data})`);
      cxt.setParams({ i: _`${pair}[0]`, j: _`${pair}[1]` });
      cxt.fail(_`${pair} !== undefined`);
    },
  };
}

/** `ajv` with its `uniqueItems` replaced by the linear one. */
export function withLinearUniqueItems<T extends Ajv2020>(ajv: T): T {
  ajv.removeKeyword('uniqueItems');
  ajv.addKeyword(uniqueItemsKeyword());
  return ajv;
}
