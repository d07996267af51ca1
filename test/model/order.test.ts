/**
 * Event order: category order, then subgroup order, then declaration order (files by name, then
 * place in the file). The fixture declares its events in neither order, across two files, with an
 * ungrouped category between two grouped ones. The order reaches the model, the TypeScript union
 * (read back with the TypeScript parser), the OpenAPI `webhooks` object, the subscription
 * `events` enum and the event reference page.
 */
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../src/generate.js';
import { loadCatalog } from '../../src/load.js';

const FIXTURE = path.resolve('test/fixtures/order/catalog');

/** Written by hand from the fixture's category and subgroup lists. */
const EXPECTED = [
  'invoice.created', // billing / invoices, first.yaml
  'invoice.paid', // billing / invoices, second.yaml
  'refund.created', // billing / refunds
  'dispute.opened', // billing / disputes, first.yaml
  'dispute.closed', // billing / disputes, second.yaml
  'account.deleted', // accounts (no subgroups), first.yaml
  'account.created', // accounts, second.yaml
  'ticket.opened', // support / tickets
  'ticket.closed',
  'chat.started', // support / chats, first.yaml
  'chat.ended', // support / chats, second.yaml
];

/** The string literals of `export type EventType = ...`, in source order. */
function eventTypeUnion(source: string): string[] {
  const file = ts.createSourceFile('types.ts', source, ts.ScriptTarget.Latest);
  const alias = file.statements.find((s): s is ts.TypeAliasDeclaration => ts.isTypeAliasDeclaration(s) && s.name.text === 'EventType');
  if (alias === undefined || !ts.isUnionTypeNode(alias.type)) throw new Error('no EventType union in types.ts');
  return alias.type.types.map((t) => {
    if (!ts.isLiteralTypeNode(t) || !ts.isStringLiteral(t.literal)) throw new Error(`not a string literal: ${t.getText(file)}`);
    return t.literal.text;
  });
}

const scratch = path.resolve('.scratch');
let out: string;
beforeAll(async () => {
  await mkdir(scratch, { recursive: true });
  out = await mkdtemp(path.join(scratch, 'order-'));
  const result = await generate({ catalogs: FIXTURE, out, only: ['types', 'openapi', 'docs'], projectRoot: scratch });
  expect(result.diagnostics).toEqual([]);
});
afterAll(() => rm(out, { recursive: true, force: true }));

describe('events declared out of category and subgroup order', () => {
  it('are ordered by category, subgroup and declaration in the model', async () => {
    const { catalog, diagnostics } = await loadCatalog(FIXTURE);
    expect(diagnostics).toEqual([]);
    expect(catalog!.events.map((e) => e.key)).toEqual(EXPECTED);
  });

  it('come in that order in the TypeScript union', async () => {
    expect(eventTypeUnion(await readFile(path.join(out, 'order', 'types.ts'), 'utf8'))).toEqual(EXPECTED);
  });

  it('come in that order in the webhooks object and the subscription enum', async () => {
    const document = JSON.parse(await readFile(path.join(out, 'order', 'openapi.json'), 'utf8'));
    expect(Object.keys(document.webhooks)).toEqual(EXPECTED);
    expect(document.components.schemas.WebhookSubscription.properties.events.items.enum).toEqual(EXPECTED);
  });

  it('come in that order on the event reference page', async () => {
    const page = await readFile(path.join(out, 'order', 'en', 'events.md'), 'utf8');
    const linked = [...page.matchAll(/\]\(\.\/events\/([a-z.]+)\.md\)/g)].map((m) => m[1]);
    expect(linked).toEqual(EXPECTED);
  });
});
