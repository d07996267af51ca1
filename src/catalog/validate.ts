/** Semantic checks beyond the file format, each in its own file under `checks/`. */
import type { Diagnostic } from '../diagnostics.js';
import type { Check, CheckMemory } from './checks/check.js';
import type { KeptRecords } from './kept-records.js';
import { checkDeliveredAs } from './checks/delivered-as.js';
import { checkEnvelope } from './checks/envelope.js';
import { checkEnvelopeExamples } from './checks/envelope-examples.js';
import { checkExamples } from './checks/examples.js';
import { checkFileNameCollisions } from './checks/file-name-collisions.js';
import { checkFileNames } from './checks/file-names.js';
import { checkLocales } from './checks/locales.js';
import { checkMetadata } from './checks/metadata.js';
import { checkNameCollisions } from './checks/name-collisions.js';
import { checkNaming } from './checks/naming.js';
import { checkPatterns } from './checks/patterns.js';
import { checkRefCycles } from './checks/ref-cycles.js';
import { checkRefDepth } from './checks/ref-depth.js';
import { checkReferences } from './checks/references.js';
import { checkRefs } from './checks/refs.js';
import { checkSchemaFanOut } from './checks/schema-fan-out.js';
import { checkSubscriptions } from './checks/subscriptions.js';
import { checkTranslations } from './checks/translations.js';
import { checkUnicodeText } from './checks/unicode-text.js';
import { checkUnique } from './checks/unique.js';
import { checkUsage } from './checks/usage.js';
import { checkVersions } from './checks/versions.js';
import type { CatalogSource } from './source.js';

/** Every semantic check, in the order their findings are most useful. */
export const CHECKS: readonly Check[] = [
  checkUnicodeText,
  checkMetadata,
  checkLocales,
  checkUnique,
  checkFileNames,
  checkFileNameCollisions,
  checkReferences,
  checkRefs,
  checkRefCycles,
  checkRefDepth,
  checkSchemaFanOut,
  checkPatterns,
  checkEnvelope,
  checkDeliveredAs,
  checkSubscriptions,
  checkEnvelopeExamples,
  checkTranslations,
  checkExamples,
  checkNaming,
  checkNameCollisions,
  checkUsage,
  checkVersions,
];

/** Runs every check and returns all findings; a check that throws is an internal error, reported
 * as HC900. `memory` holds what earlier loads of the same run context found, `kept` what earlier
 * processes found. */
export function validateCatalog(source: CatalogSource, memory: CheckMemory, kept?: KeptRecords): Diagnostic[] {
  return CHECKS.flatMap((check) => {
    try {
      return check(source, memory, kept);
    } catch (error) {
      return [internalError(source, check, error)];
    }
  });
}

function internalError(source: CatalogSource, check: Check, error: unknown): Diagnostic {
  const message = error instanceof Error ? error.message : String(error);
  return {
    code: 'HC900',
    severity: 'error',
    file: source.files[0]?.displayPath ?? source.folder,
    line: 1,
    column: 1,
    message: `internal error in ${check.name || 'a check'}: ${message}`,
    hint: 'please report this with the catalog that caused it',
  };
}
