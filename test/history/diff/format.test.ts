/** Diff output with hostile names (a property name may hold any text): one line a change, and markdown that stays a table of text. */
import { remark } from 'remark';
import remarkGfm from 'remark-gfm';
import { describe, expect, it } from 'vitest';
import type { Change } from '../../../src/history/diff/change.js';
import { formatDiffMarkdown, formatDiffText } from '../../../src/history/diff/format.js';

const NAMES = [
  'a|b',
  '<script>alert(1)</script>',
  'x`y',
  'line\nbreak',
  '{{ evil }}',
  '[link](http://x)',
  'sep\u2028arator',
  'report\u202Etxt.exe',
  'isolate\u2067x\u2069',
];
const changes: Change[] = NAMES.map((name) => ({
  level: 'breaking',
  rule: 'payload.property.removed',
  catalog: 'shop',
  subject: 'order.created',
  path: `/properties/${name}`,
  message: `field \`${name}\` was removed`,
}));
const labels = { from: 'before', to: 'after' };

describe('diff output with hostile names', () => {
  it('keeps one text line per change', () => {
    const lines = formatDiffText(changes, labels)
      .trimEnd()
      .split(/[\n\u2028\u2029]/);
    expect(lines).toHaveLength(NAMES.length + 1);
    expect(lines[3]).toContain('/properties/line\\u000abreak');
  });

  it('keeps the markdown a table of six cells a row, with no HTML and no links', () => {
    const root = remark().use(remarkGfm).parse(formatDiffMarkdown(changes, labels));
    const kinds = new Set<string>();
    const walk = (node: { type: string; children?: unknown[] }): void => {
      kinds.add(node.type);
      for (const child of node.children ?? []) walk(child as { type: string });
    };
    walk(root);
    expect(kinds.has('html')).toBe(false);
    expect(kinds.has('link')).toBe(false);
    const table = root.children.find((n) => n.type === 'table');
    expect(table?.type === 'table' ? table.children.map((row) => row.children.length) : []).toEqual(Array(NAMES.length + 1).fill(6));
  });

  it('shows bidirectional controls and line breaks as escapes in both formats, so no name reads reordered', () => {
    const outputs = [formatDiffText(changes, labels), formatDiffMarkdown(changes, labels)];
    for (const output of outputs) {
      expect(output).not.toMatch(/[\u202a-\u202e\u2066-\u2069\u2028\u2029]/);
      expect(output).toContain('report\\u202etxt.exe');
      expect(output).toContain('isolate\\u2067x\\u2069');
    }
  });

  it('shows the labels of what was compared with the same escapes, and C1 controls too', () => {
    const odd = { from: 'v1\u202Egpj.exe', to: 'dir\nname\u009B' };
    for (const output of [formatDiffText(changes, odd), formatDiffMarkdown(changes, odd)]) {
      expect(output).not.toMatch(/[\u202e\u009b]/);
      expect(output).toContain('v1\\u202egpj.exe');
      expect(output).toContain('dir\\u000aname\\u009b');
    }
  });
});
