/** Deliveries named by a header tell every event apart: no two events share a name and action. */
import type { Diagnostic } from '../../diagnostics.js';
import { deliveryName, namedByHeader } from '../delivered-as.js';
import { diagnosticAt } from '../positions.js';
import type { Check } from './check.js';

export const checkDeliveredAs: Check = (source) => {
  const envelope = source.envelope?.value ?? {};
  if (!namedByHeader(envelope)) return [];
  const seen = new Map<string, string>();
  const diagnostics: Diagnostic[] = [];
  for (const located of source.events) {
    const { name, action } = deliveryName(located.value, envelope);
    const id = JSON.stringify([name, action ?? null]);
    const other = seen.get(id);
    if (other === undefined) {
      seen.set(id, located.value.key);
      continue;
    }
    const delivered = action === undefined ? `\`${name}\`` : `\`${name}\` with action \`${action}\``;
    diagnostics.push(
      diagnosticAt(
        located.file,
        [...located.path, located.value.deliveredAs === undefined ? 'key' : 'deliveredAs'],
        'HC331',
        'error',
        `\`${located.value.key}\` is delivered as ${delivered}, like \`${other}\`: a receiver cannot tell them apart`,
        'give one of them another `deliveredAs`',
        'key',
      ),
    );
  }
  return diagnostics;
};
