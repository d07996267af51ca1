/**
 * The loader's scans of the whole text and data jump over what does not matter (regular
 * expressions, `indexOf`); each must find exactly what a plain character-by-character (or
 * node-by-node) scan finds. The plain scans are kept here as the reference.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pathDeeperThan } from '../../src/catalog/depth.js';
import { findExcessiveNesting, MAX_DEPTH } from '../../src/catalog/parse.js';

const RUNS = Number(process.env['FUZZ_RUNS'] ?? 2000);

/** The nesting scan as first written: every character in turn. */
function referenceNesting(text: string): number | undefined {
  const blockDepth = (start: number): number => {
    let j = start;
    while (text[j] === ' ') j++;
    while ((text[j] === '-' || text[j] === '?' || text[j] === ':') && text[j + 1] === ' ') {
      j += 2;
      while (text[j] === ' ') j++;
    }
    return j - start;
  };
  const opensQuote = (at: number): boolean => {
    const c = text.charCodeAt(at);
    if (c === 0x20 || c === 0x0a || c === 0x2c || c === 0x5b || c === 0x7b || c === 0x3a || (c >= 0x09 && c <= 0x0d)) return true;
    return c > 0x7f && /\s/.test(text[at]!);
  };
  let depth = 0;
  let quote = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (quote !== 0) {
      const ended = c === 0x0a;
      if (c === quote || ended) quote = 0;
      if (!ended) continue;
    }
    if (c === 0x23) {
      while (i + 1 < text.length && text.charCodeAt(i + 1) !== 0x0a) i++;
      continue;
    }
    if (c === 0x22 || c === 0x27) {
      if (i === 0 || opensQuote(i - 1)) quote = c;
    } else if (c === 0x5b || c === 0x7b) {
      if (++depth > MAX_DEPTH) return i;
    } else if (c === 0x5d || c === 0x7d) depth = Math.max(0, depth - 1);
    else if (c === 0x0a && blockDepth(i + 1) > 4 * MAX_DEPTH) return i + 1;
  }
  return blockDepth(0) > 4 * MAX_DEPTH ? 0 : undefined;
}

/** Pieces that move the scan: quotes, comments, brackets, line ends, deep indentation. */
const piece = fc.oneof(
  fc.constantFrom('"', "'", '#', '[', ']', '{', '}', '\n', ' ', '- ', '? ', ': ', 'a', ',', '\u00a0', '\t', 'ż'),
  fc.integer({ min: 1, max: 300 }).map((n) => ' '.repeat(n)),
  fc.integer({ min: 1, max: 70 }).map((n) => '['.repeat(n)),
  fc.integer({ min: 1, max: 70 }).map((n) => '{'.repeat(n)),
  fc.integer({ min: 1, max: 140 }).map((n) => '- '.repeat(n)),
);
const text = fc.array(piece, { maxLength: 40 }).map((pieces) => pieces.join(''));

describe('the nesting scan of the text', () => {
  it('finds what the character-by-character scan finds', () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(findExcessiveNesting(t)).toBe(referenceNesting(t));
      }),
      { numRuns: RUNS },
    );
  });

  it.each([
    ['deep indentation', `a:\n${' '.repeat(257)}b: 1\n`],
    ['indentation at the limit', `a:\n${' '.repeat(256)}b: 1\n`],
    ['compact lists', `${'- '.repeat(129)}x\n`],
    ['deep indentation after a comment', `# c\n${' '.repeat(300)}b\n`],
    ['deep indentation after a quote ends', `a: "x\n${' '.repeat(300)}b"\n`],
    ['brackets in a comment', `a: 1 # ${'['.repeat(80)}\n`],
    ['brackets in quotes', `a: '${'['.repeat(80)}'\n`],
    ['brackets after a quote glued to a word', `a: b'${'['.repeat(80)}\n`],
    ['deep brackets', `a: ${'['.repeat(65)}\n`],
  ])('%s', (_, t) => {
    expect(findExcessiveNesting(t)).toBe(referenceNesting(t));
  });
});

describe('the nesting scan, case by case', () => {
  const deep = '['.repeat(65);
  /** Where the 65th of the brackets that start at `from` stands. */
  const pastTheLimit = (text: string, from: string): number => text.indexOf(from) + 64;

  it.each([
    ['a space', ' '],
    ['a line end', '\n'],
    ['a comma', ','],
    ['a bracket', '['],
    ['a brace', '{'],
    ['a colon', ':'],
    ['a tab', '\t'],
    ['a vertical tab', '\v'],
    ['a carriage return', '\r'],
    ['a no-break space', '\u00a0'],
  ])('takes a quote after %s for quoted text', (_, before) => {
    expect(findExcessiveNesting(`a${before}'${deep}'\n`)).toBeUndefined();
  });

  it.each([
    ['a letter', 'b'],
    ['a letter beyond ASCII', 'é'],
    ['a backspace', '\b'],
    ['a shift out', '\u000e'],
  ])('takes a quote after %s for a character of the text', (_, before) => {
    const text = `a${before}'${deep}'\n`;
    expect(findExcessiveNesting(text)).toBe(pastTheLimit(text, deep));
  });

  it('takes a quote at the start of the text for quoted text', () => {
    expect(findExcessiveNesting(`'${deep}'\n`)).toBeUndefined();
  });

  it('takes a closing quote after a space for the end of quoted text, not a new start', () => {
    const text = `a: 'x ' ${deep}\n`;
    expect(findExcessiveNesting(text)).toBe(pastTheLimit(text, deep));
  });

  it('ends double-quoted text at a double quote, single-quoted text at a single quote', () => {
    expect(findExcessiveNesting(`a: "it's ${deep}"\n`)).toBeUndefined();
    expect(findExcessiveNesting(`a: 'say "hi" ${deep}'\n`)).toBeUndefined();
  });

  it('goes on after quoted text and after comments', () => {
    const afterQuote = `a: 'x'\nb: ${deep}\n`;
    expect(findExcessiveNesting(afterQuote)).toBe(pastTheLimit(afterQuote, deep));
    const afterComment = `# c\nb: ${deep}\n`;
    expect(findExcessiveNesting(afterComment)).toBe(pastTheLimit(afterComment, deep));
  });

  it('looks at the line after a comment or after quoted text that the line end ends', () => {
    expect(findExcessiveNesting(`# c\n${' '.repeat(257)}b\n`)).toBe(4);
    expect(findExcessiveNesting(`k 'q:\n${' '.repeat(257)}b\n`)).toBe(6);
  });

  it('counts indentation and compact indicators, up to 256 columns', () => {
    expect(findExcessiveNesting(`a:\n${' '.repeat(256)}-x\n`)).toBeUndefined();
    expect(findExcessiveNesting(`${' '.repeat(256)}-x\n`)).toBeUndefined();
    expect(findExcessiveNesting(`${' '.repeat(255)}-xxxxx\n`)).toBeUndefined();
    expect(findExcessiveNesting(`a\n${'-'.repeat(300)}\n`)).toBeUndefined();
    expect(findExcessiveNesting(`${'x'.repeat(300)}\n${'-'.repeat(257)}\n`)).toBeUndefined();
    expect(findExcessiveNesting(`${'x '.repeat(129)}x\n`)).toBeUndefined();
    expect(findExcessiveNesting(`${'? '.repeat(129)}x\n`)).toBe(0);
    expect(findExcessiveNesting(`a:\n${': '.repeat(129)}x\n`)).toBe(3);
  });

  it('looks at indentation only after a line end', () => {
    expect(findExcessiveNesting(`a: b'${' '.repeat(257)}c\n`)).toBeUndefined();
  });
});

/** The data depth walk as first written: entries and a new path at every node. */
function referenceDeeper(data: unknown, limit: number): (string | number)[] | undefined {
  const visit = (node: unknown, path: (string | number)[]): (string | number)[] | undefined => {
    if (node === null || typeof node !== 'object') return undefined;
    if (path.length >= limit) return path;
    const entries: [string | number, unknown][] = Array.isArray(node) ? node.map((v, i) => [i, v]) : Object.entries(node);
    for (const [key, value] of entries) {
      const found = visit(value, [...path, key]);
      if (found) return found;
    }
    return undefined;
  };
  return visit(data, []);
}

describe('the depth walk of the data', () => {
  it('finds the path the plain walk finds', () => {
    const { tree } = fc.letrec((tie) => ({
      tree: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        fc.constantFrom(1, 'a', null),
        fc.array(tie('tree'), { maxLength: 3 }),
        fc.dictionary(fc.constantFrom('a', 'b', '__proto__'), tie('tree'), { maxKeys: 3 }),
      ),
    }));
    fc.assert(
      fc.property(tree, fc.integer({ min: 0, max: 6 }), (data, limit) => {
        expect(pathDeeperThan(data, limit)).toEqual(referenceDeeper(data, limit));
      }),
      { numRuns: RUNS },
    );
  });
});
