/** The delivery envelope, its headers and its signature, from the receiver's side. */
import { signatureAlgorithmName, signatureHeaderOf } from '../../model/signature-headers.js';
import type { Catalog, Envelope, JsonSchema, SignatureScheme } from '../../model/types.js';
import { pointer } from './change.js';
import type { ChangeList } from './report.js';

/** The envelope's own properties as one object schema (the type and data fields are compared by name). */
function envelopeSchema(envelope: Envelope): JsonSchema {
  return { type: 'object', properties: envelope.properties, required: [...envelope.required] };
}

export function diffEnvelope(list: ChangeList, before: Catalog, after: Catalog): void {
  const b = before.envelope;
  const a = after.envelope;
  if (b.typeField !== a.typeField) {
    list.add('envelope.type-field.changed', 'envelope', '', `the event key moved from \`${b.typeField}\` to \`${a.typeField}\``, {
      before: b.typeField,
      after: a.typeField,
    });
  }
  if (b.dataField !== a.dataField) {
    const where = (field: string | undefined): string => (field === undefined ? 'beside the envelope fields' : `\`${field}\``);
    list.add('envelope.data-field.changed', 'envelope', '', `the payload moved from ${where(b.dataField)} to ${where(a.dataField)}`, {
      before: b.dataField ?? null,
      after: a.dataField ?? null,
    });
  }
  const shapeBefore = deliveryShape(b);
  const shapeAfter = deliveryShape(a);
  if (JSON.stringify(shapeBefore) !== JSON.stringify(shapeAfter)) {
    list.add('envelope.shape.changed', 'envelope', '', `deliveries changed shape, from ${describeShape(b)} to ${describeShape(a)}`, {
      before: shapeBefore,
      after: shapeAfter,
    });
  }
  list.addSchema('envelope', 'envelope', { schema: envelopeSchema(b), shared: before.schemas }, { schema: envelopeSchema(a), shared: after.schemas });
  diffHeaders(list, before, after);
  diffSignature(list, before, after);
}

/** What tells a receiver how to read a body: its shape and the header and fields that name events. */
function deliveryShape(envelope: Envelope): { [key: string]: string | null } {
  const { shape, typeHeader, actionField, batch } = envelope;
  return { shape, typeHeader: typeHeader ?? null, actionField: actionField ?? null, batchField: batch?.field ?? null, batchItem: batch?.item ?? null };
}

function describeShape(envelope: Envelope): string {
  const { shape, typeHeader, actionField, batch } = envelope;
  if (shape === 'envelope') return 'an envelope';
  const named = `named by \`${typeHeader ?? '?'}\`${actionField === undefined ? '' : ` and \`${actionField}\``}`;
  if (shape === 'bare') return `a bare body ${named}`;
  return `a batch ${batch?.field === undefined ? '(a JSON array)' : `in \`${batch.field}\``} of ${batch?.item === 'bare' ? `bare bodies ${named}` : 'envelopes'}`;
}

/** HTTP header names compare case-insensitively. */
function diffHeaders(list: ChangeList, before: Catalog, after: Catalog): void {
  const names = (c: Catalog): Map<string, string> => new Map(c.envelope.headers.map((h) => [h.name.toLowerCase(), h.name]));
  const b = names(before);
  const a = names(after);
  for (const [key, name] of b) if (!a.has(key)) list.add('header.removed', 'headers', pointer('', name), `header \`${name}\` was removed`);
  for (const [key, name] of a) if (!b.has(key)) list.add('header.added', 'headers', pointer('', name), `header \`${name}\` was added`);
}

/** What a scheme signs, with `{timestamp}` and `{body}` (and standard-webhooks' `{id}`) for what each delivery puts there. */
function signedContent(scheme: SignatureScheme): string {
  if (scheme.kind === 'standard-webhooks') return '{id}.{timestamp}.{body}';
  return scheme.kind === 'hmac' ? '{body}' : scheme.signedPayload;
}

/** How the signature (and a timestamp of its own) is written in the headers, header names aside. */
function headerFormat(scheme: SignatureScheme): string {
  if (scheme.kind === 'standard-webhooks') return 'v1,<base64>';
  const digest = `<${scheme.encoding}>`;
  if (scheme.kind === 'hmac') return `${scheme.prefix}${digest}`;
  if (scheme.timestampHeader !== undefined) return `${scheme.prefix}${digest}, the timestamp in ${scheme.timestampHeader.toLowerCase()}`;
  return `${scheme.timestampKey}=<timestamp>${scheme.separator}${scheme.signatureKey}=${digest}`;
}

function diffSignature(list: ChangeList, before: Catalog, after: Catalog): void {
  const schemeOf = (scheme: SignatureScheme | undefined) =>
    scheme && {
      header: signatureHeaderOf(scheme),
      algorithm: signatureAlgorithmName(scheme),
      signed: signedContent(scheme),
      format: headerFormat(scheme),
    };
  const b = schemeOf(before.envelope.signature);
  const a = schemeOf(after.envelope.signature);
  if (b === undefined && a === undefined) return;
  if (b === undefined) {
    list.add('signature.added', 'signature', '', `deliveries are signed in \`${a!.header}\` (${a!.algorithm})`);
    return;
  }
  if (a === undefined) {
    list.add('signature.removed', 'signature', '', `deliveries are no longer signed (was \`${b.header}\`)`);
    return;
  }
  if (b.header.toLowerCase() !== a.header.toLowerCase()) {
    list.add('signature.header.changed', 'signature', '/header', `the signature moved from \`${b.header}\` to \`${a.header}\``, {
      before: b.header,
      after: a.header,
    });
  }
  if (b.algorithm !== a.algorithm) {
    list.add('signature.algorithm.changed', 'signature', '/algorithm', `the algorithm changed from \`${b.algorithm}\` to \`${a.algorithm}\``, {
      before: b.algorithm,
      after: a.algorithm,
    });
  }
  if (b.signed !== a.signed) {
    list.add('signature.payload.changed', 'signature', '/signedPayload', `what is signed changed from \`${b.signed}\` to \`${a.signed}\``, {
      before: b.signed,
      after: a.signed,
    });
  }
  if (b.format !== a.format) {
    list.add('signature.format.changed', 'signature', '', `the signature changed form, from \`${b.format}\` to \`${a.format}\``, {
      before: b.format,
      after: a.format,
    });
  }
}
