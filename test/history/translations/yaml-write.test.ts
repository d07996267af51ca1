/**
 * Writing a translation into YAML in place: only the text's own bytes change (or one line is
 * added, or a plain string becomes a flow mapping), comments and layout stay, and any text, of
 * any characters, reads back exactly (fast-check, fixed seed; yaml itself parses the result).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { writeTexts } from '../../../src/history/translations/yaml-write.js';

const SOURCE = `# header comment
title:
  en: Hello   # trailing comment
  pl: >-
    Folded
    text
# between
short: { en: X, pl: Y } # after a flow map
plain: Just text # after a plain string
block: >-
  Folded source
  text
list:
  - name: a
    description:
      en: First
end: 1
`;

const write = (path: (string | number)[], locale: string, text: string) => ({ path, locale, text, sourceLocale: 'en' });

describe('writeTexts', () => {
  it('replaces one translation and nothing else', () => {
    const result = writeTexts(SOURCE, [write(['title'], 'pl', 'Nowy tekst')]);
    expect(result).toBe(SOURCE.replace('  pl: >-\n    Folded\n    text\n', '  pl: >-\n    Nowy tekst\n'));
  });

  it('adds a locale to a block map as one line, and to a flow map as one entry', () => {
    expect(writeTexts(SOURCE, [write(['list', 0, 'description'], 'pl', 'Pierwszy')])).toBe(
      SOURCE.replace('      en: First\n', '      en: First\n      pl: Pierwszy\n'),
    );
    expect(writeTexts(SOURCE, [write(['short'], 'fr', 'Z')])).toBe(SOURCE.replace('{ en: X, pl: Y }', '{ en: X, pl: Y, fr: Z }'));
  });

  it('turns a plain string into a flow map of the source text and the translation, keeping its comment', () => {
    expect(writeTexts(SOURCE, [write(['plain'], 'pl', 'Tylko tekst')])).toBe(
      SOURCE.replace('plain: Just text #', 'plain: { en: Just text, pl: Tylko tekst } #'),
    );
    const block = writeTexts(SOURCE, [write(['block'], 'pl', 'Blok')]);
    expect(parse(block).block).toEqual({ en: 'Folded source text', pl: 'Blok' });
    expect(block.split('\n').filter((l) => l.includes('#'))).toEqual(SOURCE.split('\n').filter((l) => l.includes('#')));
  });

  it('writes any text so that it reads back exactly, in every kind of place', () => {
    const places: [(string | number)[], string][] = [
      [['title'], 'pl'],
      [['title'], 'fr'],
      [['short'], 'pl'],
      [['short'], 'fr'],
      [['plain'], 'pl'],
      [['list', 0, 'description'], 'pl'],
    ];
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }),
          fc.string({ unit: 'binary-ascii', minLength: 1, maxLength: 40 }),
          fc.constantFrom('a: b', '- x', '#c', ' lead', 'trail ', 'two\nlines', '"q"', "'s'", 'null', '1.0', 'yes', '{a}', '[b]', '\u2028'),
        ),
        fc.constantFrom(...places),
        (text, [path, locale]) => {
          const result = writeTexts(SOURCE, [write(path, locale, text)]);
          let node = parse(result) as Record<string | number, unknown>;
          for (const segment of path) node = node[segment] as Record<string | number, unknown>;
          expect(node[locale]).toBe(text);
          expect(result.split('\n').filter((l) => l.startsWith('#'))).toEqual(['# header comment', '# between']);
        },
      ),
      { seed: 15, numRuns: 300 },
    );
  });
});
