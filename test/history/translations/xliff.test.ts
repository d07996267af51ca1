/**
 * XLIFF 2.0 for texts holding characters XML 1.0 cannot (C0 controls, U+FFFF, unpaired
 * surrogates; the hostile corpus's catalogs keep them in their data): each is written as
 * `<cp hex="..."/>` (XLIFF 2.0 §4.2.3.3), so the file is XML a translator's tool can open, and
 * read back as the character it stands for.
 */
import { describe, expect, it } from 'vitest';
import type { ExchangeDocument, ExchangeUnit } from '../../../src/history/translations/exchange.js';
import { readXliff, writeXliff } from '../../../src/history/translations/xliff.js';

/** XML 1.0 §2.2, the Char production: what may appear in a document at all. */
const XML_CHAR = /^[\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]*$/u;

const unit = (id: string, source: string, target?: string, previous?: string): ExchangeUnit => ({
  id,
  source,
  target,
  previous,
  state: previous === undefined ? (target === undefined ? 'missing' : 'current') : 'stale',
  file: 'events/a.yaml',
  line: 3,
  column: 7,
  pointer: `/events/0/${id}`,
});

const odd = ['nul \u0000 here', 'bell \u0007 and esc \u001B[31m', 'U+FFFF \uFFFF, U+FFFE \uFFFE', 'lone \uD800 high, lone \uDC00 low', 'a pair stays 😀'];

describe('XLIFF 2.0 with characters XML cannot hold', () => {
  it('writes each as <cp hex>, in the source and the target, and a well-formed document', async () => {
    const document: ExchangeDocument = {
      catalog: 'odd',
      sourceLocale: 'en',
      targetLocale: 'de',
      units: [...odd.map((text, i) => unit(`t${i}`, text, `de: ${text}`)), unit('stale', 'now', 'old \u0001', 'old \u0001')],
    };
    const xml = await writeXliff(document);
    expect(xml).toMatch(XML_CHAR);
    expect(xml).toContain('<source>nul <cp hex="0000"/> here</source>');
    expect(xml).toContain('<target>de: bell <cp hex="0007"/> and esc <cp hex="001B"/>[31m</target>');
    expect(xml).toContain('<source>lone <cp hex="D800"/> high, lone <cp hex="DC00"/> low</source>');
    expect(xml).toContain('<source>a pair stays 😀</source>');
    expect(xml).toContain('<note>stale: the source text changed since this translation: old \\u{0001}</note>');
    const read = await readXliff(xml);
    expect(read.units.map((u) => [u.id, u.source, u.target])).toEqual(odd.map((text, i) => [`t${i}`, text, `de: ${text}`]));
  });

  it('reads <cp> a translator wrote, and leaves text that merely looks like the marker alone', async () => {
    const document: ExchangeDocument = { catalog: 'odd', sourceLocale: 'en', targetLocale: 'de', units: [unit('a', 'hookcat-cp0-0001. is text')] };
    const xml = (await writeXliff(document)).replace('</source>', '</source>\n        <target>x<cp hex="1f"/>y<cp hex=\'0008\' />z hookcat-cp0-0001.</target>');
    expect((await readXliff(xml)).units).toEqual([{ id: 'a', source: 'hookcat-cp0-0001. is text', target: 'x\u001Fy\u0008z hookcat-cp0-0001.', fuzzy: false }]);
  });

  it('writes a text id holding such a character as \\u{...} in the unit name and the path note, and reads it back as the id', async () => {
    const id = 'events/a/payload/properties/note\u0001x/description';
    const document: ExchangeDocument = {
      catalog: 'odd',
      sourceLocale: 'en',
      targetLocale: 'de',
      units: [{ ...unit('x', 'Note', 'Notiz'), id, pointer: `/${id}` }],
    };
    const xml = await writeXliff(document);
    expect(xml).toMatch(XML_CHAR);
    expect(xml).toContain('name="events/a/payload/properties/note\\u{0001}x/description"');
    expect(xml).toContain('<note>path /events/a/payload/properties/note\\u{0001}x/description</note>');
    expect((await readXliff(xml)).units.map((u) => u.id)).toEqual([id]);
  });

  it('reads <cp></cp> written with an end tag, and names a translation holding other markup instead of dropping it in silence', async () => {
    const document: ExchangeDocument = { catalog: 'odd', sourceLocale: 'en', targetLocale: 'de', units: [unit('a', 'one'), unit('b', 'two')] };
    const xml = (await writeXliff(document))
      .replace('<source>one</source>', '<source>one</source>\n        <target>eins<cp hex="0007"></cp></target>')
      .replace('<source>two</source>', '<source>two</source>\n        <target>zwei <pc id="1">fett</pc></target>');
    const read = await readXliff(xml);
    expect(read.units).toEqual([{ id: 'a', source: 'one', target: 'eins\u0007', fuzzy: false }]);
    expect(read.unreadable).toEqual(['b']);
  });

  it('escapes &, < and > itself, so text that reads like an entity comes back as written and a text id with < or & stays well-formed', async () => {
    const texts = ['AT&amp;T', 'a<b&c"d&amp;e>', '&lt;x&gt; &#65; ]]> &quot;'];
    const document: ExchangeDocument = {
      catalog: 'odd',
      sourceLocale: 'en',
      targetLocale: 'de',
      units: texts.map((text, i) => ({ ...unit(`t${i}`, text, text), id: `events/a/payload/properties/${text}/title`, pointer: `/x/${text}` })),
    };
    const xml = await writeXliff(document);
    expect(xml).toContain('<source>AT&amp;amp;T</source>');
    expect(xml).toContain('name="events/a/payload/properties/a&lt;b&amp;c&quot;d&amp;amp;e&gt;/title"');
    expect(xml).toContain('<note>path /x/a&lt;b&amp;c"d&amp;amp;e&gt;</note>');
    expect(xml).toContain('<target>&amp;lt;x&amp;gt; &amp;#65; ]]&gt; &amp;quot;</target>');
    const read = await readXliff(xml);
    expect(read.units.map((u) => [u.id, u.source, u.target])).toEqual(texts.map((text) => [`events/a/payload/properties/${text}/title`, text, text]));
  });
});
