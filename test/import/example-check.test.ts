/**
 * The import's example check: an example its payload refuses is left out with HI106 naming why,
 * a payload the loader could not compile leaves out its examples, and a catalog without examples
 * is returned as it is, with nothing registered in the loader's validators.
 */
import { describe, expect, it, vi } from 'vitest';
import { PayloadValidators } from '../../src/catalog/checks/payload-validators.js';
import { LinearPatterns } from '../../src/catalog/linear-regexp.js';
import { checkExamples } from '../../src/import/example-check.js';
import type { ImportedCatalog, ImportedEvent } from '../../src/import/imported.js';
import { ImportProblems } from '../../src/import/problems.js';

const event = (key: string, payload: unknown, examples: unknown[]): ImportedEvent =>
  ({
    key,
    category: 'orders',
    title: key,
    description: undefined,
    deliveredAs: undefined,
    deprecated: false,
    payload,
    examples: examples.map((value, i) => ({ name: `e${i + 1}`, payload: value })),
    source: `/webhooks/${key}`,
  }) as unknown as ImportedEvent;

const catalog = (events: ImportedEvent[], schemas: [string, unknown][] = []): ImportedCatalog => ({
  id: 'shop',
  version: '1.0.0',
  title: 'Shop',
  description: undefined,
  annotations: [],
  envelope: { shape: 'bare', typeHeader: 'X-Event', actionField: undefined, headers: [], responses: [] },
  categories: [{ id: 'orders', title: 'Orders', description: '' }],
  schemas: new Map(schemas),
  events,
});

const validators = (): PayloadValidators => new PayloadValidators(new LinearPatterns());

describe("the import's example check", () => {
  it('leaves out an example its payload refuses, with HI106 naming the event, the example and why (its first two errors)', () => {
    const problems = new ImportProblems();
    const money = { type: 'object', properties: { amount: { type: 'integer', minimum: 0, multipleOf: 2 } }, required: ['amount'] };
    const checked = checkExamples(
      catalog(
        [
          event('order.paid', { type: 'object', properties: { total: { $ref: '#/schemas/Money' } } }, [
            { total: { amount: 2 } },
            { total: { amount: -2 } },
            { total: {} },
            { total: { amount: -1.5 }, more: 1 },
          ]),
        ],
        [['Money', money]],
      ),
      problems,
      validators(),
    );
    expect(checked.events[0]!.examples.map((e) => e.name)).toEqual(['e1']);
    expect(problems.list).toEqual([
      {
        code: 'HI106',
        severity: 'warning',
        pointer: '/webhooks/order.paid',
        message: 'example `e2` of `order.paid` does not match its payload schema (`total.amount` must be >= 0): left out',
      },
      {
        code: 'HI106',
        severity: 'warning',
        pointer: '/webhooks/order.paid',
        message: 'example `e3` of `order.paid` does not match its payload schema (`total` lacks the required property `amount`): left out',
      },
      {
        code: 'HI106',
        severity: 'warning',
        pointer: '/webhooks/order.paid',
        message:
          'example `e4` of `order.paid` does not match its payload schema (`total.amount` must be of type integer; `total.amount` must be >= 0): left out',
      },
    ]);
  });

  it('leaves out the examples of a payload that cannot be compiled, saying why', () => {
    const problems = new ImportProblems();
    const checked = checkExamples(
      catalog([event('a.b', { $ref: '#/schemas/Missing' }, [{}]), event('c.d', { type: 'string', pattern: '(?=x)' }, ['x'])]),
      problems,
      validators(),
    );
    expect(checked.events.map((e) => e.examples.length)).toEqual([0, 0]);
    expect(problems.list.map((p) => `${p.code} ${p.pointer} ${p.message.replace(/\(.*\)/, '(...)')}`)).toEqual([
      'HI106 /webhooks/a.b the payload schema of `a.b` cannot be compiled (...): its examples are left out',
      'HI106 /webhooks/c.d the payload schema of `c.d` cannot be compiled (...): its examples are left out',
    ]);
    expect(problems.list[0]!.message).toContain('(a `$ref` does not resolve)');
  });

  it('returns a catalog without examples as it is, registering nothing', () => {
    const given = catalog([event('a.b', { type: 'object' }, [])], [['Money', { type: 'object' }]]);
    const into = validators();
    const share = vi.spyOn(into, 'share');
    expect(checkExamples(given, new ImportProblems(), into)).toBe(given);
    expect(share).not.toHaveBeenCalled();
  });

  it('reads a property named `__proto__` as the loader does: a valid example is kept, a refusal names it', () => {
    const problems = new ImportProblems();
    const shared = JSON.parse('{"type":"object","properties":{"__proto__":{"type":"string"}},"required":["__proto__"]}') as unknown;
    const payload = { type: 'object', properties: { o: { $ref: '#/schemas/Obj' } } };
    const good = JSON.parse('{"o":{"__proto__":"x"}}') as unknown;
    const bad = JSON.parse('{"o":{"__proto__":1}}') as unknown;
    const checked = checkExamples(catalog([event('order.paid', payload, [good, bad, { o: {} }])], [['Obj', shared]]), problems, validators());
    expect(checked.events[0]!.examples.map((e) => e.name)).toEqual(['e1']);
    expect(problems.list.map((p) => p.message)).toEqual([
      'example `e2` of `order.paid` does not match its payload schema (`o.__proto__` must be of type string): left out',
      'example `e3` of `order.paid` does not match its payload schema (`o` lacks the required property `__proto__`): left out',
    ]);
  });
});
