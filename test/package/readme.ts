/** The README's code blocks, read as a test reads them: by language, with the text before each. */
import { readFileSync } from 'node:fs';
import path from 'node:path';

export const README = path.resolve(import.meta.dirname, '..', '..', 'README.md');

export interface CodeBlock {
  readonly language: string;
  readonly code: string;
  /** The line the block starts on (1-based). */
  readonly line: number;
  /** The heading the block is under. */
  readonly heading: string;
}

/** Every fenced code block of the README, in order. */
export function readmeBlocks(): CodeBlock[] {
  const lines = readFileSync(README, 'utf8').split('\n');
  const blocks: CodeBlock[] = [];
  let heading = '';
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (/^#{1,6} /.test(line)) heading = line.replace(/^#+ /, '');
    const open = /^```(\S*)$/.exec(line);
    if (open === null) continue;
    const start = i;
    const body: string[] = [];
    for (i++; i < lines.length && lines[i] !== '```'; i++) body.push(lines[i]!);
    blocks.push({ language: open[1] ?? '', code: `${body.join('\n')}\n`, line: start + 1, heading });
  }
  return blocks;
}

/** The commands of the README's quick start, one a line. */
export function quickStart(): string[] {
  const block = readmeBlocks().find((b) => b.heading === 'Quick start' && b.language === 'sh');
  if (block === undefined) throw new Error('the README has no ```sh block under "Quick start"');
  return block.code.trimEnd().split('\n');
}
