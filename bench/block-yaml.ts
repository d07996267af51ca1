/**
 * A tiny block-style YAML writer for the synthetic catalogs, in the style of the seeds:
 * block mappings and sequences, short scalar lists in flow style (`required: [a, b]`), long
 * texts folded with `>-`, quotes only where a plain scalar would be read as something else.
 * It only has to handle the data `synthesize.ts` produces (strings, numbers, booleans, null).
 */

export type YamlValue = null | boolean | number | string | readonly YamlValue[] | { readonly [key: string]: YamlValue };

/** Longest line before a text is folded with `>-`. */
const FOLD_AT = 96;
const RESERVED = /^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|yes|no|on|off|y|n)$/i;

/** The document for a top-level mapping. */
export function blockYaml(value: { readonly [key: string]: YamlValue }, header: readonly string[] = []): string {
  const lines: string[] = header.map((h) => `# ${h}`);
  writeMapping(lines, value, 0);
  return `${lines.join('\n')}\n`;
}

function writeMapping(lines: string[], map: { readonly [key: string]: YamlValue }, indent: number): void {
  const pad = ' '.repeat(indent);
  for (const [key, value] of Object.entries(map)) {
    const head = `${pad}${scalar(key)}:`;
    writeValue(lines, head, value, indent);
  }
}

function writeValue(lines: string[], head: string, value: YamlValue, indent: number): void {
  if (Array.isArray(value)) {
    if (value.length === 0) lines.push(`${head} []`);
    else if (value.every(isShortScalar)) lines.push(`${head} [${value.map((v) => scalar(v as string | number | boolean | null)).join(', ')}]`);
    else {
      lines.push(head);
      writeSequence(lines, value, indent + 2);
    }
    return;
  }
  if (value !== null && typeof value === 'object') {
    const map = value as { readonly [key: string]: YamlValue };
    if (Object.keys(map).length === 0) lines.push(`${head} {}`);
    else {
      lines.push(head);
      writeMapping(lines, map, indent + 2);
    }
    return;
  }
  if (typeof value === 'string' && head.length + value.length + 1 > FOLD_AT && foldable(value)) {
    lines.push(`${head} >-`);
    for (const line of fold(value, FOLD_AT - indent - 2)) lines.push(`${' '.repeat(indent + 2)}${line}`);
    return;
  }
  lines.push(`${head} ${scalar(value as string | number | boolean | null)}`);
}

function writeSequence(lines: string[], items: readonly YamlValue[], indent: number): void {
  const pad = ' '.repeat(indent);
  for (const item of items) {
    if (item !== null && typeof item === 'object' && !Array.isArray(item) && Object.keys(item).length > 0) {
      // `- key: value` then the other keys aligned under the first.
      const nested: string[] = [];
      writeMapping(nested, item as { readonly [key: string]: YamlValue }, indent + 2);
      nested[0] = `${pad}- ${nested[0]!.slice(indent + 2)}`;
      lines.push(...nested);
    } else writeValue(lines, `${pad}-`, item, indent);
  }
}

function isShortScalar(value: YamlValue): boolean {
  return value === null || typeof value === 'number' || typeof value === 'boolean' || (typeof value === 'string' && value.length <= 24);
}

/** A plain scalar when it reads back as the same string, else single-quoted. */
export function scalar(value: string | number | boolean | null): string {
  if (value === null) return 'null';
  if (typeof value !== 'string') return String(value);
  const plain =
    value.length > 0 && !RESERVED.test(value) && !/^[-+]?[0-9.]/.test(value) && /^[$A-Za-z\u00C0-\u024F]/.test(value) && !/[:#,[\]{}'"\n]|\s$/.test(value);
  return plain ? value : `'${value.replace(/'/g, "''")}'`;
}

/** Texts that fold back to themselves: single spaces between words, no edge spaces. */
function foldable(text: string): boolean {
  return !/\n|\s{2}|^\s|\s$/.test(text);
}

function fold(text: string, width: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && line.length + 1 + word.length > width) {
      out.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') out.push(line);
  return out;
}
