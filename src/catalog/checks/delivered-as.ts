/** Deliveries named by a header tell every event apart: no two events share a name and action,
 * and no event is delivered with an action its payload refuses. */
import type { Diagnostic } from '../../diagnostics.js';
import { deliveryName, namedByHeader } from '../delivered-as.js';
import { diagnosticAt } from '../positions.js';
import type { Check } from './check.js';
import { isObject } from '../schema-walk.js';

export const checkDeliveredAs: Check = (source) => {
  const envelope = source.envelope?.value ?? {};
  if (!namedByHeader(envelope)) return [];
  const seen = new Map<string, string>();
  const diagnostics: Diagnostic[] = [];
  for (const located of source.events) {
    const { key, deliveredAs, payload } = located.value;
    // HC331 at the event's `deliveredAs`, else at its key (which names the delivery then).
    const problem = (message: string, hint: string): Diagnostic =>
      diagnosticAt(located.file, [...located.path, deliveredAs === undefined ? 'key' : 'deliveredAs'], 'HC331', 'error', message, hint, 'key');
    const { name, action } = deliveryName(located.value, envelope);
    const field = envelope.actionField;
    const pinned = field === undefined ? undefined : pinnedValue(payload, field);
    if (action !== undefined && pinned !== undefined && pinned !== action) {
      diagnostics.push(
        problem(
          `\`${key}\` is delivered with action \`${action}\`, but its payload's \`${field}\` can only be \`${pinned}\`: no delivery of it would be valid`,
          `make the action \`${pinned}\` (\`deliveredAs.action\`), or let the payload's \`${field}\` be \`${action}\``,
        ),
      );
    }
    const id = JSON.stringify([name, action ?? null]);
    const other = seen.get(id);
    if (other === undefined) {
      seen.set(id, key);
      continue;
    }
    const delivered = action === undefined ? `\`${name}\`` : `\`${name}\` with action \`${action}\``;
    diagnostics.push(
      problem(`\`${key}\` is delivered as ${delivered}, like \`${other}\`: a receiver cannot tell them apart`, 'give one of them another `deliveredAs`'),
    );
  }
  return diagnostics;
};

/** The one string a payload schema allows for its property \`field\`, written on the schema itself
 * (\`const\`, or an \`enum\` of one); undefined otherwise (also behind references). */
function pinnedValue(payload: unknown, field: string): string | undefined {
  if (!isObject(payload) || !isObject(payload['properties'])) return undefined;
  const property = Object.hasOwn(payload['properties'], field) ? payload['properties'][field] : undefined;
  if (!isObject(property)) return undefined;
  if (typeof property['const'] === 'string') return property['const'];
  const values = property['enum'];
  return Array.isArray(values) && values.length === 1 && typeof values[0] === 'string' ? values[0] : undefined;
}
