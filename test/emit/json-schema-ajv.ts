/** The ajv setup the JSON Schema emitter tests validate with: draft 2020-12, formats, strict
 * mode, and `x-translations` declared as an annotation keyword. */
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { TRANSLATIONS_KEYWORD } from '../../src/model/query.js';

const addFormats = addFormatsModule.default;

/** A fresh ajv: schemas added to one instance share `$id`s, so each check gets its own. */
export function strictAjv(): Ajv2020 {
  const ajv = new Ajv2020({ strict: true, allowUnionTypes: true, allErrors: true });
  addFormats(ajv);
  ajv.addVocabulary([TRANSLATIONS_KEYWORD]);
  return ajv;
}
