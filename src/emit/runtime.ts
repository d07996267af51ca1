/**
 * The receiver runtime of each catalog, beside its types: `runtime.ts` (verify, parse, dispatch,
 * adapters, bound to the catalog) and the `runtime/` folder it imports (the library, the same
 * for every catalog, and the catalog's precompiled validators). It imports nothing but its own
 * files and `types.ts`: no hookcat, no ajv.
 */
import type { Catalog } from '../model/types.js';
import type { Emitter, OutputFile } from './emitter.js';
import { NO_MEMO, type OutputMemo } from '../output-memo.js';
import { ADAPTERS_MODULE } from './runtime/library/adapters.js';
import { BYTES_MODULE } from './runtime/library/bytes.js';
import { DELIVERY_MODULE } from './runtime/library/delivery.js';
import { ERRORS_MODULE } from './runtime/library/errors.js';
import { HEADERS_MODULE } from './runtime/library/headers.js';
import { HMAC_MODULE } from './runtime/library/hmac.js';
import { SIGNATURE_MODULE } from './runtime/library/signature.js';
import { runtimeModule } from './runtime/module.js';
import { validatorsDeclarations, validatorsFiles } from './runtime/validators.js';
import { headerComment } from './typescript.js';

const LIBRARY: readonly (readonly [name: string, text: string])[] = [
  ['adapters.ts', ADAPTERS_MODULE],
  ['bytes.ts', BYTES_MODULE],
  ['delivery.ts', DELIVERY_MODULE],
  ['errors.ts', ERRORS_MODULE],
  ['headers.ts', HEADERS_MODULE],
  ['hmac.ts', HMAC_MODULE],
  ['signature.ts', SIGNATURE_MODULE],
];

/** Every file of the runtime of `catalog`, paths relative to the output folder. */
export function runtimeFiles(catalog: Catalog, memo: OutputMemo = NO_MEMO): OutputFile[] {
  const stamp = headerComment(catalog);
  const at = (name: string): string => `${catalog.id}/${name}`;
  return [
    { path: at('runtime.ts'), contents: runtimeModule(catalog, stamp) },
    ...LIBRARY.map(([name, text]) => ({ path: at(`runtime/${name}`), contents: `${stamp}\n${text}` })),
    ...validatorsFiles(catalog, stamp, memo).map((part) => ({ path: at(`runtime/${part.name}`), contents: part.contents })),
    { path: at('runtime/validators.d.ts'), contents: validatorsDeclarations(catalog, stamp) },
  ];
}

export const runtimeEmitter: Emitter = {
  name: 'runtime',
  emit: (catalog, options) => runtimeFiles(catalog, options.memo),
};
