/**
 * Every node of a parsed YAML tree, depth first in document order, each before what it holds: the
 * order of `yaml`'s `visit`, without the ancestry `visit` builds for each collection and pair (a
 * copied and frozen array). On GitHub's imported catalog the loader's two walks (duplicate keys,
 * unusable constructs) took 75 ms with `visit` and 30 ms with this one (bench/README.md).
 * Aliases are met, never followed.
 */
import { isCollection, isNode, isPair, type Node, type Pair } from 'yaml';

export interface YamlWalker {
  /** Each scalar, mapping, sequence and alias. */
  readonly node?: (node: Node) => void;
  /** Each entry of a mapping, before its key and value. */
  readonly pair?: (pair: Pair) => void;
}

/** Walks `root` (a document's contents, or any node). Catalogs nest at most `MAX_DEPTH` levels
 * (checked on the text before parsing), so the recursion stays shallow. */
export function walkYaml(root: unknown, walker: YamlWalker): void {
  if (isPair(root)) {
    walker.pair?.(root);
    walkYaml(root.key, walker);
    walkYaml(root.value, walker);
  } else if (isNode(root)) {
    walker.node?.(root);
    if (isCollection(root)) for (const item of root.items) walkYaml(item, walker);
  }
}
