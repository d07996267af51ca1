/** The subscription-management API, from the API client's side: it writes requests and reads responses. */
import type { Catalog, SubscriptionApi, SubscriptionField } from '../../model/types.js';
import { pointer } from './change.js';
import type { ChangeList } from './report.js';

const SUBJECT = 'subscriptions';

export function diffSubscriptions(list: ChangeList, before: Catalog, after: Catalog): void {
  const b = before.subscriptions;
  const a = after.subscriptions;
  if (b === undefined && a === undefined) return;
  if (b === undefined) {
    list.add('subscription.added', SUBJECT, '', `a subscription API was added at \`${a!.path}\``);
    return;
  }
  if (a === undefined) {
    list.add('subscription.removed', SUBJECT, '', `the subscription API at \`${b.path}\` was removed`);
    return;
  }
  if (b.path !== a.path)
    list.add('subscription.path.changed', SUBJECT, '/path', `the API moved from \`${b.path}\` to \`${a.path}\``, { before: b.path, after: a.path });
  if (b.idField !== a.idField) {
    list.add('subscription.id-field.changed', SUBJECT, '/idField', `the id field was renamed from \`${b.idField}\` to \`${a.idField}\``, {
      before: b.idField,
      after: a.idField,
    });
  }
  diffNames(
    list,
    'operation',
    b.operations.map((o) => o.name),
    a.operations.map((o) => o.name),
  );
  diffNames(list, 'target', b.targets, a.targets);
  diffSecret(list, b, a);
  diffFields(list, before, after, b, a);
}

function diffNames(list: ChangeList, what: 'operation' | 'target', before: readonly string[], after: readonly string[]): void {
  const base = what === 'operation' ? '/operations' : '/targets';
  for (const name of before)
    if (!after.includes(name)) list.add(`subscription.${what}.removed`, SUBJECT, pointer(base, name), `${what} \`${name}\` was removed`);
  for (const name of after) if (!before.includes(name)) list.add(`subscription.${what}.added`, SUBJECT, pointer(base, name), `${what} \`${name}\` was added`);
}

function diffSecret(list: ChangeList, b: SubscriptionApi, a: SubscriptionApi): void {
  const before = b.secret === undefined ? undefined : (b.secret.minLength ?? 0);
  const after = a.secret === undefined ? undefined : (a.secret.minLength ?? 0);
  if (before === after) return;
  const text = (v: number | undefined): string => (v === undefined ? 'no secret' : v === 0 ? 'a secret' : `a secret of at least ${v} characters`);
  const tighter = before === undefined || (after !== undefined && after > before);
  list.add(tighter ? 'subscription.secret.tightened' : 'subscription.secret.loosened', SUBJECT, '/secret', `${text(before)} became ${text(after)}`, {
    before: before ?? null,
    after: after ?? null,
  });
}

function diffFields(list: ChangeList, before: Catalog, after: Catalog, b: SubscriptionApi, a: SubscriptionApi): void {
  const afterByName = new Map(a.fields.map((f) => [f.name, f]));
  const beforeNames = new Set(b.fields.map((f) => f.name));
  for (const old of b.fields) {
    const at = pointer('/fields', old.name);
    const now = afterByName.get(old.name);
    if (now === undefined) {
      list.add('subscription.request.field-removed', SUBJECT, at, `field \`${old.name}\` was removed`);
      continue;
    }
    if (!old.required && now.required) list.add('subscription.request.field-required-made', SUBJECT, at, `field \`${old.name}\` is now required`);
    if (old.required && !now.required) list.add('subscription.request.field-optional-made', SUBJECT, at, `field \`${old.name}\` is no longer required`);
    list.addSchema('subscription.request', SUBJECT, { schema: old.schema, shared: before.schemas }, { schema: now.schema, shared: after.schemas }, at);
  }
  for (const field of a.fields.filter((f: SubscriptionField) => !beforeNames.has(f.name))) {
    const at = pointer('/fields', field.name);
    if (field.required) list.add('subscription.request.required-field-added', SUBJECT, at, `required field \`${field.name}\` was added`);
    else list.add('subscription.request.optional-field-added', SUBJECT, at, `optional field \`${field.name}\` was added`);
  }
}
