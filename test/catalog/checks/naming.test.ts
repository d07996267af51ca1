/** The naming lint: one separator and one verb form per catalog; `published: true` keys are left alone. */
import { describe, expect, it } from 'vitest';
import { assembleCatalog } from '../../../src/catalog/assemble.js';
import { CheckMemory } from '../../../src/catalog/checks/check.js';
import { checkNaming } from '../../../src/catalog/checks/naming.js';
import { parseCatalogFile } from '../../../src/catalog/parse.js';
import type { Diagnostic } from '../../../src/diagnostics.js';

type Key = string | { readonly key: string; readonly published: true };

const LINES_PER_EVENT = 5;

/** A one-file catalog source with these event keys, LINES_PER_EVENT lines each after `events:`. */
function sourceWith(keys: readonly Key[]) {
  const events = keys.map((k) => {
    const key = typeof k === 'string' ? k : k.key;
    const published = typeof k === 'string' ? 'false' : 'true';
    return `  - key: ${key}\n    category: things\n    title: A thing happened\n    published: ${published}\n    payload: {}\n`;
  });
  const { file, diagnostics } = parseCatalogFile(`events:\n${events.join('')}`, 'events.yaml', 'events.yaml');
  expect(diagnostics).toEqual([]);
  return assembleCatalog('memory', [file], true).source;
}

function lint(...keys: Key[]): Diagnostic[] {
  return checkNaming(sourceWith(keys), new CheckMemory());
}

/** `HC400 some.key` for each finding, with the key the message names first. */
function summary(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((d) => `${d.code} ${/^`([^`]+)`/.exec(d.message)?.[1] ?? '?'}`);
}

describe('separators (HC400)', () => {
  it('accepts a catalog that joins words one way', () => {
    expect(lint('order.line_item.created', 'order.gift_card.created', 'order.created')).toEqual([]);
    expect(lint('order.line-item.created', 'order.gift-card.created')).toEqual([]);
    expect(lint('order.created', 'order.updated')).toEqual([]);
  });

  it('reports the keys that use the minority separator', () => {
    const found = lint('order.line_item.created', 'order.gift_card.created', 'order.shipping-address.created');
    expect(summary(found)).toEqual(['HC400 order.shipping-address.created']);
    expect(found[0]?.message).toContain('`-`');
    expect(found[0]?.message).toContain('use `_`');
  });

  it('follows the majority whichever it is', () => {
    expect(summary(lint('a.line-item.created', 'a.gift-card.created', 'a.tax_id.created'))).toEqual(['HC400 a.tax_id.created']);
  });

  it('breaks a tie by the first key', () => {
    expect(summary(lint('a.tax_id.created', 'a.url-name.created'))).toEqual(['HC400 a.url-name.created']);
    expect(summary(lint('a.url-name.created', 'a.tax_id.created'))).toEqual(['HC400 a.tax_id.created']);
  });

  it('names the same compound written the majority way as the example', () => {
    const found = lint('account.url-name.created', 'entity.url_name.created', 'entity.tax_id.created');
    expect(summary(found)).toEqual(['HC400 account.url-name.created']);
    expect(found[0]?.message).toContain('like `entity.url_name.created`');
  });

  it('reports a key that mixes both separators', () => {
    expect(summary(lint('a.b_c.created', 'a.d_e.created', 'a.f_g-h.created'))).toEqual(['HC400 a.f_g-h.created']);
  });
});

describe('verb forms (HC401)', () => {
  it('reports a base form among past forms', () => {
    const found = lint('order.created', 'order.updated', 'order.delete');
    expect(summary(found)).toEqual(['HC401 order.delete']);
    expect(found[0]?.message).toContain('`delete`');
    expect(found[0]?.message).toContain('past form');
    expect(found[0]?.message).toContain('like `order.created`');
  });

  it('reports a past form among base forms', () => {
    const found = lint('order.create', 'order.update', 'order.deleted');
    expect(summary(found)).toEqual(['HC401 order.deleted']);
    expect(found[0]?.message).toContain('base form');
  });

  it('ignores keys whose last word is not a verb', () => {
    expect(lint('order.create', 'refund.partial', 'channel.update.rate', 'payee.create.failure')).toEqual([]);
  });

  it('reports nothing while only one form is used', () => {
    expect(lint('order.paid', 'order.sent', 'order.cancelled', 'order.canceled', 'order.shipped')).toEqual([]);
  });
});

describe('published keys', () => {
  it('are not reported', () => {
    expect(lint('order.created', 'order.updated', { key: 'order.delete', published: true })).toEqual([]);
    expect(lint('a.b_c.created', 'a.d_e.created', { key: 'a.f-g.created', published: true })).toEqual([]);
  });

  it('still count towards the majority', () => {
    const found = lint({ key: 'order.create', published: true }, { key: 'order.update', published: true }, 'order.deleted');
    expect(summary(found)).toEqual(['HC401 order.deleted']);
  });
});

describe('each finding', () => {
  it('is a warning at the key, with a hint', () => {
    const found = lint('order.created', 'order.updated', 'order.url-name.update', 'order.tax_id.updated', 'order.gift_card.updated');
    expect(summary(found)).toEqual(['HC400 order.url-name.update', 'HC401 order.url-name.update']);
    for (const d of found) {
      expect(d).toMatchObject({ severity: 'warning', file: 'events.yaml', line: 2 + 2 * LINES_PER_EVENT, column: 10 });
      expect(d.hint).toContain('published: true');
    }
  });
});
