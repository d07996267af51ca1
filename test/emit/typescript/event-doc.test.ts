/**
 * What the generated types say about an event (`src/emit/typescript/event-doc.ts`): title,
 * description and key, then `@since`, `@deprecated` with whichever of since, reason and
 * replacement the catalog gives (the replacement linked when it has a payload type), and `@see`.
 */
import { describe, expect, it } from 'vitest';
import { eventDoc, eventPageUrl, eventSummaryDoc } from '../../../src/emit/typescript/event-doc.js';
import type { TypeNames } from '../../../src/emit/typescript/naming.js';
import type { Catalog, EventType } from '../../../src/model/types.js';

const en = (text: string) => ({ en: { text, fallback: false } });
const names = { payloads: new Map([['order.shipped', 'OrderShippedPayload']]) } as unknown as TypeNames;

function event(fields: Partial<Record<'since' | 'deprecated', unknown>>): EventType {
  return { key: 'order.sent', title: en('Order sent'), description: en('The order left.'), ...fields } as unknown as EventType;
}

const catalog = { sourceLocale: 'en', docsUrl: 'https://docs.example.com/hooks//' } as unknown as Catalog;
const noDocs = { sourceLocale: 'en' } as unknown as Catalog;

describe('an event’s doc comment', () => {
  it('has title, description and key, then @since and @see', () => {
    expect(eventDoc(catalog, event({ since: '1.2' }), names)).toEqual([
      'Order sent',
      '',
      'The order left.',
      '',
      'Payload of `order.sent` events.',
      '@since 1.2',
      '@see https://docs.example.com/hooks/en/events/order.sent',
    ]);
  });

  it('says since when, why, and what to use instead, linking a replacement that has a payload type', () => {
    const deprecated = { since: '1.1', reason: en('Sent twice.'), replacement: 'order.shipped' };
    expect(eventDoc(noDocs, event({ deprecated }), names).at(-1)).toBe(
      '@deprecated Since 1.1. Sent twice. Use `order.shipped` ({@link OrderShippedPayload}) instead.',
    );
  });

  it('leaves out what the deprecation does not give, and links no replacement without a payload type', () => {
    expect(eventSummaryDoc(noDocs, event({ deprecated: { replacement: 'order.gone' } }), names)).toEqual([
      'Order sent',
      '@deprecated Use `order.gone` instead.',
    ]);
    expect(eventSummaryDoc(noDocs, event({ deprecated: { reason: en('') } }), names)).toEqual(['Order sent', '@deprecated']);
    expect(eventSummaryDoc(noDocs, event({ deprecated: { since: '2.0' } }), names)).toEqual(['Order sent', '@deprecated Since 2.0.']);
  });

  it('in its summary form, keeps only the title and the deprecation', () => {
    expect(eventSummaryDoc(catalog, event({ since: '1.2' }), names)).toEqual(['Order sent']);
  });
});

describe('the event page URL', () => {
  it('drops trailing slashes of the docs URL and encodes locale and key', () => {
    expect(eventPageUrl('https://x.dev///', 'pt-BR', 'orders/create')).toBe('https://x.dev/pt-BR/events/orders~create');
    expect(eventPageUrl('https://x.dev', 'en', 'a b')).toBe('https://x.dev/en/events/a%20b');
  });
});
