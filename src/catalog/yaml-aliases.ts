/**
 * How much work YAML aliases make. yaml's `maxAliasCount` counts the aliases inside an aliased
 * node, not the uses of it: a list of 20,000 maps used 20,000 times (a 120 KB file) passes it,
 * and yaml then took 50 to 90 s to resolve the aliases. Counting the nodes every alias repeats
 * takes one pass over the document; a hand-written file repeats a few blocks.
 */
import { type Alias, type Document, isAlias, type Node, visit } from 'yaml';

/** Alias expansions allowed per file (yaml's `maxAliasCount`, its own default): enough for real anchors, far below an alias bomb. */
export const MAX_ALIAS_COUNT = 100;

/** The most nodes all aliases of one document may repeat together. */
export const MAX_ALIAS_EXPANSION = 1_000_000;

/** The first alias at which the nodes the aliases of `document` (parsed from `text`) repeat pass MAX_ALIAS_EXPANSION, if any. */
export function aliasPastLimit(document: Document, text: string): Alias | undefined {
  // No anchor without `&` and no alias without `*`: most files skip the pass.
  if (!text.includes('&') || !text.includes('*')) return undefined;
  const anchored = new Map<string, number>();
  let total = 0;
  let past: Alias | undefined;
  visit(document, {
    Node(_, node) {
      if (isAlias(node)) {
        total += anchored.get(node.source) ?? 0;
        if (total <= MAX_ALIAS_EXPANSION) return undefined;
        past = node;
        return visit.BREAK;
      }
      if (node.anchor !== undefined) anchored.set(node.anchor, nodeCount(node));
      return undefined;
    },
  });
  return past;
}

function nodeCount(node: Node): number {
  let count = 0;
  visit(node, { Node: () => void count++ });
  return count;
}
