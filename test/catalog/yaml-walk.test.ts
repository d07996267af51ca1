/** The loader's walk over a parsed YAML tree meets what `yaml`'s `visit` meets, in the same order, and takes walkers of nodes or pairs alone. */
import { describe, expect, it } from 'vitest';
import { isAlias, isMap, isPair, isScalar, isSeq, parseDocument, visit } from 'yaml';
import { walkYaml } from '../../src/catalog/yaml-walk.js';

const TEXT = 'a: &x [1, {b: 2}]\n? [k]\n: *x\nc: {d: [e, f], <<: {g: 1}}\nh: !!str 3\n';

const label = (node: unknown): string =>
  isPair(node) ? 'pair' : isAlias(node) ? `*${node.source}` : isMap(node) ? 'map' : isSeq(node) ? 'seq' : isScalar(node) ? String(node.value) : '?';

describe('walkYaml', () => {
  it("meets every node and pair in yaml's visit order, aliases not followed", () => {
    const document = parseDocument(TEXT, { merge: true });
    const visited: string[] = [];
    visit(document, { Pair: (_, pair) => void visited.push(label(pair)), Node: (_, node) => void visited.push(label(node)) });
    const walked: string[] = [];
    walkYaml(document.contents, { pair: (pair) => walked.push(label(pair)), node: (node) => walked.push(label(node)) });
    expect(walked).toEqual(visited);
    expect(walked.filter((l) => l === '*x')).toHaveLength(1);
  });

  it('takes a walker of pairs alone, or of nodes alone', () => {
    const document = parseDocument(TEXT, { merge: true });
    let pairs = 0;
    walkYaml(document.contents, { pair: () => pairs++ });
    let nodes = 0;
    walkYaml(document.contents, { node: () => nodes++ });
    expect([pairs, nodes]).toEqual([8, 22]);
    // An empty document has no contents: nothing is met.
    walkYaml(parseDocument('').contents, { node: () => nodes++, pair: () => pairs++ });
    expect([pairs, nodes]).toEqual([8, 22]);
  });
});
