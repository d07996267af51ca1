import type { Diagnostic } from '../../diagnostics.js';
import type { CatalogSource } from '../source.js';

/** One semantic check: reads the assembled catalog, returns every problem it finds. */
export type Check = (source: CatalogSource) => Diagnostic[];
