/**
 * The module is joined from statements written one at a time, and kept per event between
 * emits: it must be byte for byte what ts-morph prints from all statements in one
 * `createSourceFile` call (the reference), however the catalog changed since the last emit.
 */
import path from 'node:path';
import type { CodeBlockWriter } from 'ts-morph';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../../src/load.js';
import { emitTypes, typesModuleStatements } from '../../../src/emit/typescript.js';
import { joinStatements, moduleStatement, moduleText, printStatements } from '../../../src/emit/typescript/module-text.js';
import type { Catalog, EventType, Localized } from '../../../src/model/types.js';
import { ordersCatalog } from '../../receiver/orders-catalog.js';
import { featureCatalog } from './feature-catalog.js';

const RICH = path.resolve('test/fixtures/rich/catalog');

/** Every statement printed by ts-morph in one go, as the emitter did before it kept texts. */
function reference(catalog: Catalog): string {
  return `${printStatements(typesModuleStatements(catalog).flatMap((statement) => statement.source)).trimEnd()}\n`;
}

/** A module from new event objects: nothing kept from earlier emits applies. */
function fresh(catalog: Catalog): string {
  return emitTypes(structuredClone(catalog)).contents;
}

const emit = (catalog: Catalog): string => emitTypes(catalog).contents;
const edited = (text: Localized): Localized => Object.fromEntries(Object.entries(text).map(([locale, t]) => [locale, { ...t, text: `${t.text} (edited)` }]));
const withEvent = (catalog: Catalog, i: number, change: (event: EventType) => EventType): Catalog => ({
  ...catalog,
  events: catalog.events.map((event, j) => (j === i ? change(event) : event)),
});

/** The feature model without its literal that ends in a backslash: every statement stands alone. */
const plainFeatures = withEvent(featureCatalog, 0, (event) => ({
  ...event,
  payload: JSON.parse(JSON.stringify(event.payload), (_key, value: unknown) => (Array.isArray(value) ? value.filter((v) => v !== '\\') : value)),
}));

async function rich(): Promise<Catalog> {
  const { catalog } = await loadCatalog(RICH);
  return catalog!;
}

describe('the module joined from statements', () => {
  it('is the reference for the rich fixture, where every statement stands alone', async () => {
    const catalog = await rich();
    expect(typesModuleStatements(catalog).every((statement) => statement.standsAlone)).toBe(true);
    expect(emit(catalog)).toBe(reference(catalog));
  });

  it('is the reference for the feature model without its misread literal, where every statement stands alone', () => {
    expect(typesModuleStatements(plainFeatures).every((statement) => statement.standsAlone)).toBe(true);
    expect(emit(plainFeatures)).toBe(reference(plainFeatures));
  });

  it('is the reference for the feature model, printed by ts-morph in one go (a literal ends in a backslash)', () => {
    expect(typesModuleStatements(featureCatalog).some((statement) => !statement.standsAlone)).toBe(true);
    expect(emit(featureCatalog)).toBe(reference(featureCatalog));
  });

  it('falls back when the writer would misread a literal: joining alone texts would differ', () => {
    const misread = (writer: CodeBlockWriter): void => {
      writer.write("export type A = 'ends in \\\\' | '`';");
    };
    const object = (writer: CodeBlockWriter): void => {
      writer
        .write('export interface B {')
        .indent(() => writer.write('b: string;').newLine())
        .write('}');
    };
    const statements = [moduleStatement(misread), moduleStatement(object)];
    const printed = printStatements([misread, object]);
    expect(statements[0]!.standsAlone).toBe(false);
    expect(joinStatements(statements.map((statement) => statement.text))).not.toBe(printed.trimEnd());
    expect(moduleText(statements)).toBe(printed);
  });
});

describe('texts kept between emits', () => {
  it.each([
    ['the rich fixture', rich],
    ['the feature model', () => Promise.resolve(featureCatalog)],
    ['the feature model without its misread literal', () => Promise.resolve(plainFeatures)],
  ])('leave the module of %s exactly as a fresh emit after any change', async (_name, load) => {
    const catalog = await load();
    const changes: Catalog[] = [
      catalog,
      withEvent(catalog, 0, (event) => ({ ...event, title: edited(event.title) })),
      withEvent(catalog, 1, (event) => ({ ...event, key: `${event.key}.renamed` })),
      withEvent(catalog, 0, (event) => ({ ...event, key: `${event.key}.renamed` })),
      { ...catalog, docsUrl: catalog.docsUrl === undefined ? 'https://docs.example.com/x' : undefined },
      { ...catalog, sourceLocale: catalog.locales[1] ?? catalog.sourceLocale },
      { ...catalog, schemas: catalog.schemas.map((schema, i) => (i === 0 ? { ...schema, name: `${schema.name}Renamed` } : schema)) },
      { ...catalog, envelope: { ...catalog.envelope, typeField: 'eventType' } },
      { ...catalog, version: `${catalog.version}.1` },
      { ...catalog, events: catalog.events.slice(1) },
      catalog,
    ];
    for (const changed of changes) {
      const contents = emit(changed);
      expect(emit(ordersCatalog)).toBe(fresh(ordersCatalog));
      expect(contents).toBe(fresh(changed));
      expect(contents).toBe(reference(changed));
    }
  });

  it('follow a renamed replacement into the deprecation note', () => {
    const deprecated = plainFeatures.events.findIndex((event) => event.deprecated?.replacement !== undefined);
    const replacement = plainFeatures.events.findIndex((event) => event.key === plainFeatures.events[deprecated]!.deprecated!.replacement);
    const before = emit(plainFeatures);
    const renamed = withEvent(plainFeatures, replacement, (event) => ({ ...event, key: 'features.replacement' }));
    const after = emit(renamed);
    expect(before).toContain('({@link FeaturesScalarsPayload}) instead.');
    expect(after).not.toContain('({@link FeaturesScalarsPayload}) instead.');
    expect(after).toBe(fresh(renamed));
  });

  it("follow a type name that another event's key decides", () => {
    const first = plainFeatures.events.findIndex((event) => event.key === 'account.url-name.update');
    expect(emit(plainFeatures)).toContain('export interface AccountUrlNameUpdatePayload2 {');
    const renamed = withEvent(plainFeatures, first, (event) => ({ ...event, key: 'account.other-name.update' }));
    const after = emit(renamed);
    expect(after).not.toContain('AccountUrlNameUpdatePayload2');
    expect(after).toBe(fresh(renamed));
  });
});
