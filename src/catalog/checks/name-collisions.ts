/**
 * HC341 (warning): an event or shared schema whose generated names are taken, so the outputs
 * number them (`OrderCreatedPayload2`): `order.created` and `order_created` both make the
 * TypeScript type `OrderCreatedPayload`, a shared schema `WebhookEvent` meets hookcat's own type.
 * The names are those every output gives (`src/names/output-names.ts`), in the same order, so the
 * warning names exactly what the outputs will hold. A key marked `published: true` cannot change
 * and is not reported; names that clash as file names are HC340 already.
 */
import type { Diagnostic } from '../../diagnostics.js';
import { fileNameIdentity, keyFileName, schemaFileName } from '../../names/file-names.js';
import { renamedNames, type NameOwner, type NamingInput, type Renamed, type SubscriptionOperation } from '../../names/output-names.js';
import { inCatalogOrder } from '../event-order.js';
import { diagnosticAt } from '../positions.js';
import type { CatalogSource } from '../source.js';
import type { Check } from './check.js';

const ALL_OPERATIONS: readonly SubscriptionOperation[] = ['list', 'create', 'get', 'update', 'delete', 'test'];

export const checkNameCollisions: Check = (source) => {
  const byOwner = new Map<string, Renamed[]>();
  for (const renamed of renamedNames(namingInputOf(source))) {
    if (sameFileName(renamed.owner, renamed.holder)) continue;
    const id = ownerId(renamed.owner);
    byOwner.set(id, [...(byOwner.get(id) ?? []), renamed]);
  }
  const diagnostics: Diagnostic[] = [];
  const hint = 'rename one of them, or keep the numbered names; a key already public can be marked `published: true`';
  for (const event of source.events) {
    const list = byOwner.get(ownerId({ kind: 'event', key: event.value.key }));
    if (list === undefined || event.value.published === true) continue;
    byOwner.delete(ownerId({ kind: 'event', key: event.value.key }));
    diagnostics.push(diagnosticAt(event.file, [...event.path, 'key'], 'HC341', 'warning', message(`\`${event.value.key}\``, list), hint));
  }
  for (const schema of source.schemas) {
    const list = byOwner.get(ownerId({ kind: 'schema', name: schema.name }));
    if (list === undefined) continue;
    byOwner.delete(ownerId({ kind: 'schema', name: schema.name }));
    diagnostics.push(diagnosticAt(schema.file, schema.path, 'HC341', 'warning', message(`the shared schema \`${schema.name}\``, list), hint, 'key'));
  }
  return diagnostics;
};

/** The naming input of the model the catalog will become (see `model/query.ts`, `namingInput`). */
function namingInputOf(source: CatalogSource): NamingInput {
  const ordered = inCatalogOrder(
    source.events,
    (e) => e.value,
    source.categories.map((c) => c.value),
  );
  const subscriptions = source.subscriptions?.value;
  return {
    catalogId: source.metadata?.value.id ?? '',
    keys: [...new Set(ordered.map((e) => e.value.key))],
    schemas: [...new Set(source.schemas.map((s) => s.name))],
    batch: source.envelope?.value.shape === 'batch',
    subscription: subscriptions && {
      operations: subscriptions.operations?.map((o) => o.name as SubscriptionOperation) ?? ALL_OPERATIONS,
      createdResponse: subscriptions.secret?.generatedBy === 'provider' && subscriptions.secret.returned === 'create',
    },
  };
}

function ownerId(owner: NameOwner): string {
  return owner.kind === 'event' ? `event ${owner.key}` : owner.kind === 'schema' ? `schema ${owner.name}` : 'hookcat';
}

function sameFileName(a: NameOwner, b: NameOwner): boolean {
  if (a.kind === 'event' && b.kind === 'event') return fileNameIdentity(keyFileName(a.key)) === fileNameIdentity(keyFileName(b.key));
  if (a.kind === 'schema' && b.kind === 'schema') return fileNameIdentity(schemaFileName(a.name)) === fileNameIdentity(schemaFileName(b.name));
  return false;
}

function holderText(holder: NameOwner, wanted: string): string {
  return holder.kind === 'event' ? `\`${holder.key}\`` : holder.kind === 'schema' ? `the shared schema \`${holder.name}\`` : `hookcat's own \`${wanted}\``;
}

/** `` `order_created` gets numbered names, since `order.created` makes the same ones: TypeScript type `OrderCreatedPayload2`, ... `` */
function message(subject: string, list: readonly Renamed[]): string {
  const holders = [...new Set(list.map((r) => holderText(r.holder, r.wanted)))];
  const outputs = [...new Set(list.map((r) => r.output))].map((output) => {
    const given = list.filter((r) => r.output === output).map((r) => `\`${r.given}\``);
    return `${output}${given.length > 1 ? 's' : ''} ${given.join(', ')}`;
  });
  const verb = holders.length === 1 ? 'makes' : 'make';
  return `${subject} gets numbered names, since ${holders.join(' and ')} ${verb} the same ones: ${outputs.join('; ')}`;
}
