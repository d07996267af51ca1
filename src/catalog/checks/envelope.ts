/**
 * The envelope is whole for its delivery shape: the fields and headers a shape needs are given,
 * the envelope's own properties do not take the names of its type and data fields, a flat one
 * carries object payloads, a bare delivery names every event differently, and a signature's
 * timestamp and digest are not read from the same place.
 */
import type { Diagnostic } from '../../diagnostics.js';
import { diagnosticAt } from '../positions.js';
import { isObject } from '../schema-walk.js';
import type { CatalogSource, Located, RawEnvelope } from '../source.js';
import type { Check } from './check.js';
import { TIMESTAMPED_DEFAULTS } from '../signature-defaults.js';

export const checkEnvelope: Check = (source) => {
  const envelope = source.envelope;
  if (envelope === undefined) return [];
  return [
    ...fieldCollisions(envelope),
    ...headerCollisions(envelope),
    ...signatureCollisions(envelope),
    ...shapeNeeds(envelope),
    ...flatPayloads(envelope, source),
  ];
};

/** Two envelope headers of one name, letter case aside (HTTP reads header names so): the
 * OpenAPI document would list one parameter twice, which OpenAPI forbids. */
function headerCollisions(envelope: Located<RawEnvelope>): Diagnostic[] {
  const seen = new Map<string, number>();
  const diagnostics: Diagnostic[] = [];
  (envelope.value.headers ?? []).forEach((header, i) => {
    if (typeof header?.name !== 'string') return;
    const first = seen.get(header.name.toLowerCase());
    if (first === undefined) {
      seen.set(header.name.toLowerCase(), i);
      return;
    }
    diagnostics.push(
      diagnosticAt(
        envelope.file,
        [...envelope.path, 'headers', i, 'name'],
        'HC313',
        'error',
        `the header \`${header.name}\` is listed twice (as header ${first + 1} and ${i + 1}; header names are read without letter case)`,
        'keep one of them',
      ),
    );
  });
  return diagnostics;
}

/**
 * A timestamped signature reads its timestamp and its digests from two places: two headers
 * (`timestampHeader` and `header`, named in any case), or two keys of one header's items
 * (`timestampKey` and `signatureKey`, defaults `t` and `v1`). Named the same, every item would be
 * both, and no delivery could be verified.
 */
function signatureCollisions(envelope: Located<RawEnvelope>): Diagnostic[] {
  const signature = envelope.value.signature;
  if (signature?.scheme !== 'timestamped') return [];
  const at = (name: string, message: string, hint: string): Diagnostic =>
    diagnosticAt(envelope.file, [...envelope.path, 'signature', name], 'HC313', 'error', message, hint);
  const { header, timestampHeader } = signature;
  if (timestampHeader !== undefined) {
    return header !== undefined && header.toLowerCase() === timestampHeader.toLowerCase()
      ? [at('timestampHeader', `the timestamp and the signature are both read from the \`${header}\` header`, 'name the header that holds the timestamp')]
      : [];
  }
  const timestampKey = signature.timestampKey ?? TIMESTAMPED_DEFAULTS.timestampKey;
  const signatureKey = signature.signatureKey ?? TIMESTAMPED_DEFAULTS.signatureKey;
  if (timestampKey !== signatureKey) return [];
  return [
    at(
      signature.signatureKey === undefined ? 'timestampKey' : 'signatureKey',
      `the timestamp and the signatures are both read from the \`${timestampKey}=\` items of the signature header`,
      "give `timestampKey` and `signatureKey` different names, such as Stripe's `t` and `v1` or Paddle's `ts` and `h1`",
    ),
  ];
}

/**
 * Without a data field (`dataField: null`) an envelope event's payload fields sit beside the
 * envelope's, so the payload must be an object: one typed otherwise (`type: array`), directly
 * or through shared schemas, made every delivery of the event invalid, and its example
 * deliveries were shown without the payload.
 */
function flatPayloads(envelope: Located<RawEnvelope>, source: CatalogSource): Diagnostic[] {
  const { shape = 'envelope', batch, dataField } = envelope.value;
  const bareItems = shape === 'bare' || (shape === 'batch' && batch?.item === 'bare');
  if (dataField !== null || bareItems) return [];
  const shared = new Map(source.schemas.map((s) => [s.name, s.value]));
  const typeOf = (schema: unknown): unknown => {
    const seen = new Set<unknown>();
    let node = schema;
    while (isObject(node) && node['type'] === undefined && typeof node['$ref'] === 'string' && node['$ref'].startsWith('#/schemas/') && !seen.has(node)) {
      seen.add(node);
      node = shared.get(node['$ref'].slice('#/schemas/'.length));
    }
    return isObject(node) ? node['type'] : undefined;
  };
  return source.events.flatMap(({ value, file, path }) => {
    const type = typeOf(value.payload);
    const types = Array.isArray(type) ? type : [type];
    if (type === undefined || types.includes('object')) return [];
    return [
      diagnosticAt(
        file,
        [...path, 'payload'],
        'HC330',
        'error',
        `without a data field (\`dataField: null\`) the payload's fields sit beside the envelope's, but the payload of \`${value.key}\` is of type ${types.map((t) => `\`${String(t)}\``).join(', ')}, not an object`,
        'make the payload an object, or give the envelope a `dataField`',
        'key',
      ),
    ];
  });
}

function fieldCollisions(envelope: Located<RawEnvelope>): Diagnostic[] {
  const { typeField = 'type', properties = {} } = envelope.value;
  const dataField = envelope.value.dataField === null ? undefined : (envelope.value.dataField ?? 'data');
  const diagnostics: Diagnostic[] = [];
  if (typeField === dataField) {
    diagnostics.push(
      diagnosticAt(
        envelope.file,
        [...envelope.path, 'dataField'],
        'HC313',
        'error',
        `the type field and the data field are both \`${typeField}\``,
        'give them different names',
      ),
    );
  }
  for (const name of dataField === undefined ? [typeField] : [typeField, dataField]) {
    if (Object.hasOwn(properties, name)) {
      diagnostics.push(
        diagnosticAt(
          envelope.file,
          [...envelope.path, 'properties', name],
          'HC313',
          'error',
          `envelope property \`${name}\` is the ${name === typeField ? 'type' : 'data'} field, which hookcat describes itself`,
          `remove \`${name}\` from \`envelope.properties\``,
          'key',
        ),
      );
    }
  }
  return diagnostics;
}

/** A bare delivery (or a batch of bare items) is named by a header; a batch needs its `batch` block. */
function shapeNeeds(envelope: Located<RawEnvelope>): Diagnostic[] {
  const { shape = 'envelope', typeHeader, batch } = envelope.value;
  const at = (path: readonly (string | number)[], message: string, hint: string): Diagnostic =>
    diagnosticAt(envelope.file, [...envelope.path, ...path], 'HC330', 'error', message, hint, 'key');
  const bareItems = shape === 'bare' || (shape === 'batch' && batch?.item === 'bare');
  const diagnostics: Diagnostic[] = [];
  if (bareItems && typeHeader === undefined) {
    diagnostics.push(
      at(
        ['shape'],
        `a ${shape === 'bare' ? 'bare delivery' : 'batch of bare items'} needs \`typeHeader\`, the header that names the event`,
        'add e.g. `typeHeader: X-Event-Type`',
      ),
    );
  }
  if (shape === 'batch' && batch === undefined) {
    diagnostics.push(at(['shape'], 'a batch delivery needs a `batch` block', 'add `batch: { field: events }` (or `batch: {}` when the body is a JSON array)'));
  }
  if (shape !== 'batch' && batch !== undefined) {
    diagnostics.push(at(['batch'], `\`batch\` describes the batch shape, but the shape is \`${shape}\``, 'set `shape: batch`, or remove `batch`'));
  }
  return diagnostics;
}
