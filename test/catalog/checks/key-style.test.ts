/** The style of a key, as the naming lint reads it and words it in HC400. */
import { describe, expect, it } from 'vitest';
import { describeTrait, styleTraits, type StyleTrait } from '../../../src/catalog/checks/key-style.js';

const text = (traits: readonly StyleTrait[]): string[] => traits.map((t) => `${t.kind} ${t.value}`);

describe('styleTraits', () => {
  it('finds each separator between parts, each joiner, and the case', () => {
    expect(text(styleTraits('order.line_item.created'))).toEqual(['parts .', 'joiner _', 'case lower']);
    expect(text(styleTraits('orders/line-items:created'))).toEqual(['parts /', 'parts :', 'joiner -', 'case lower']);
    expect(text(styleTraits('order.lineItem_x-y'))).toEqual(['parts .', 'joiner -', 'joiner _', 'joiner camelCase', 'case lower']);
  });

  it('reads upper case only where no letter is lower case, and no case without letters', () => {
    expect(text(styleTraits('PAYMENT.CAPTURE_2'))).toEqual(['parts .', 'joiner _', 'case upper']);
    expect(text(styleTraits('Order.Created'))).toEqual(['parts .', 'case lower']);
    expect(text(styleTraits('1.2'))).toEqual(['parts .']);
  });

  it('takes camelCase only from a lower-case letter before an upper-case one', () => {
    expect(text(styleTraits('ORDERcreated'))).toEqual(['case lower']);
    expect(text(styleTraits('orderCreated'))).toEqual(['joiner camelCase', 'case lower']);
  });
});

describe('describeTrait', () => {
  const cases: [StyleTrait, string, string][] = [
    [{ kind: 'parts', value: '/' }, 'separates its parts with `/`', 'use `/` between parts'],
    [{ kind: 'joiner', value: '-' }, 'joins words with `-`', 'use `-`'],
    [{ kind: 'joiner', value: 'camelCase' }, 'joins words in camelCase', 'use camelCase'],
    [{ kind: 'case', value: 'upper' }, 'is written in upper case', 'are in upper case'],
    [{ kind: 'case', value: 'lower' }, 'is written in lower case', 'are in lower case'],
  ];
  it.each(cases)('words %o for one key and for most keys', (trait, key, most) => {
    expect(describeTrait(trait, 'key')).toBe(key);
    expect(describeTrait(trait, 'most')).toBe(most);
  });
});
