/** The envelope's own properties do not take the names of its type and data fields. */
import type { Check } from './check.js';
import { diagnosticAt } from '../positions.js';

export const checkEnvelope: Check = (source) => {
  const envelope = source.envelope;
  if (envelope === undefined) return [];
  const { typeField = 'type', dataField = 'data', properties = {} } = envelope.value;
  const diagnostics = [];
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
  for (const name of [typeField, dataField]) {
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
};
