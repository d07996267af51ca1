/** Reading generated pages back as markdown trees (mdast), the way a renderer would. */
import type { Nodes, Root, Table } from 'mdast';
import { remark } from 'remark';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import { parse as parseYaml } from 'yaml';

const parser = remark().use(remarkFrontmatter, ['yaml']).use(remarkGfm);

export function parseMarkdown(markdown: string): Root {
  return parser.runSync(parser.parse(markdown)) as Root;
}

/** Every node of the tree, depth first. */
export function allNodes(node: Nodes): Nodes[] {
  return [node, ...('children' in node ? node.children.flatMap((child) => allNodes(child as Nodes)) : [])];
}

/** The text a reader sees in a node (text, code and inline code values). */
export function plain(node: Nodes): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value;
  return 'children' in node ? node.children.map((child) => plain(child as Nodes)).join('') : '';
}

/** Only the prose of a node: like `plain`, without inline code (identifiers, keys). */
export function prose(node: Nodes): string {
  if (node.type === 'text') return node.value;
  return 'children' in node ? node.children.map((child) => prose(child as Nodes)).join('') : '';
}

export function tables(root: Root): Table[] {
  return allNodes(root).filter((n): n is Table => n.type === 'table');
}

/** Cell texts of a table's rows, header first. */
export function tableCells(table: Table): string[][] {
  return table.children.map((row) => row.children.map((cell) => plain(cell).trim()));
}

export function frontMatterOf(root: Root): Record<string, unknown> {
  const yaml = root.children.find((n) => n.type === 'yaml');
  return yaml === undefined ? {} : (parseYaml(yaml.value) as Record<string, unknown>);
}

/** The markdown source with every code block blanked out (to look at text only). */
export function withoutCodeBlocks(markdown: string, root: Root): string {
  let out = markdown;
  for (const node of allNodes(root)) {
    if (node.type !== 'code' || node.position === undefined) continue;
    const { start, end } = node.position;
    out = out.slice(0, start.offset!) + ' '.repeat(end.offset! - start.offset!) + out.slice(end.offset!);
  }
  return out;
}
