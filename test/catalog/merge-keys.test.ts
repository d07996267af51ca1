/**
 * YAML merge keys (`<<: *base`) through the whole loader: the model holds the merged data and
 * no `<<` property, and diagnostics about merged parts point where the anchor wrote them.
 */
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/load.js';

const CASE = 'test/fixtures/hostile/merge-key-is-a-key/catalog';

describe('merge keys in a catalog', () => {
  it('builds an event merged from another, with its own key and title', async () => {
    const { catalog, diagnostics } = await loadCatalog(CASE);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const [created, updated] = catalog!.events;
    expect(updated!.key).toBe('order.updated');
    expect(updated!.title['en']!.text).toBe('Order updated');
    expect(updated!.category).toBe('orders');
    expect(updated!.payload).toEqual(created!.payload);
  });

  it('merges a field into a field, the written description winning, and keeps no `<<` property', async () => {
    const { catalog } = await loadCatalog(CASE);
    const properties = catalog!.events[0]!.payload['properties'] as Record<string, Record<string, unknown>>;
    expect(Object.keys(properties)).toEqual(['id', 'copy', '<<']);
    expect(properties['copy']).toEqual({ ...properties['id'], description: 'Same id, merged from the field above.' });
    expect(properties['id']!['x-base']).toEqual({ type: 'integer', note: 'a YAML 1.1 merge key, merged' });
    expect(JSON.stringify(properties['copy'])).not.toContain('<<');
  });
});
