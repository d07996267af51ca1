/**
 * The docs pages of a provider's catalog, read back with remark and markdownlint: each page is
 * remark's own canonical print and lint-clean; the overview says what a delivery's body is in
 * the catalog's delivery shape; every event page shows each example as the delivery hookcat
 * makes of it (`exampleDelivery`: the naming header of a bare event, then the JSON body).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { lint } from 'markdownlint/sync';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { exampleDelivery } from '../../src/emit/delivery-example.js';
import { printedByRemark } from '../emit/markdown/canonical-print.js';
import { allNodes, parseMarkdown, plain } from '../emit/markdown/mdast.js';
import { REPO, type ProviderOutput } from './generated-output.js';

/** Registers the checks of `provider`'s pages. */
export function describePageChecks(provider: string, output: ProviderOutput): void {
  const catalog = output.result.catalogs[0]!;
  const pages = [...output.files].filter(([file]) => file.endsWith('.md'));

  describe(`the docs pages of the ${provider} catalog`, () => {
    it('are made for every locale: overview, event reference and a page per event', () => {
      for (const locale of catalog.locales) {
        const names = pages.map(([file]) => file).filter((file) => file.startsWith(`${locale}/`));
        expect(names).toEqual(
          expect.arrayContaining([`${locale}/index.md`, `${locale}/events.md`, ...catalog.events.map((e) => `${locale}/events/${e.key}.md`)]),
        );
      }
    });

    it('are canonical markdown (remark prints each back byte for byte) and pass markdownlint', async () => {
      for (const [file, text] of pages) expect(printedByRemark(text), file).toBe(text);
      const config = parseYaml(await readFile(path.join(REPO, 'templates/site/pages.markdownlint.yaml'), 'utf8')) as Record<string, unknown>;
      const results = lint({ strings: Object.fromEntries(pages), config });
      expect(Object.entries(results).flatMap(([name, errors]) => errors.map((e) => `${name}:${e.lineNumber} ${e.ruleNames.join('/')}`))).toEqual([]);
    });

    it("say in the overview what a delivery's body is, in the catalog's shape", () => {
      const { shape, typeHeader, actionField, batch, typeField, dataField } = catalog.envelope;
      const overview = parseMarkdown(output.files.get(`${catalog.sourceLocale}/index.md`)!);
      const codes = allNodes(overview).flatMap((n) => (n.type === 'inlineCode' ? [n.value] : []));
      const expected =
        shape === 'bare'
          ? [typeHeader!, ...(actionField === undefined ? [] : [actionField])]
          : shape === 'batch'
            ? [...(batch?.field === undefined ? [] : [batch.field]), typeField]
            : [typeField, ...(dataField === undefined ? [] : [dataField])];
      expect(codes).toEqual(expect.arrayContaining(expected));
    });

    it('show every example as the delivery hookcat makes of it: the naming header, then the body', () => {
      let shown = 0;
      for (const locale of catalog.locales) {
        for (const event of catalog.events) {
          const root = parseMarkdown(output.files.get(`${locale}/events/${event.key}.md`)!);
          const blocks = allNodes(root).flatMap((n) => (n.type === 'code' ? [{ lang: n.lang, value: n.value }] : []));
          const expected = event.examples.flatMap((example) => {
            const delivery = exampleDelivery(catalog, event, example);
            const headers = Object.entries(delivery.headers).map(([name, value]) => `${name}: ${value}`);
            return [...(headers.length === 0 ? [] : [{ lang: 'http', value: headers.join('\n') }]), { lang: 'json', value: delivery.body }];
          });
          expect(
            blocks.map((b) => ({ lang: b.lang, value: b.lang === 'json' ? JSON.parse(b.value) : b.value })),
            `${locale}/events/${event.key}.md`,
          ).toEqual(expected);
          shown += blocks.length;
        }
      }
      expect(shown).toBeGreaterThan(0);
      expect(plain(parseMarkdown(output.files.get(`${catalog.sourceLocale}/events.md`)!))).toContain(catalog.events[0]!.key);
    });
  });
}
