/** Turns rule findings into `Change`s: the level always comes from the rule table. */
import type { JsonValue } from '../../model/types.js';
import type { Change } from './change.js';
import { RULES, SCHEMA_AREAS, type SchemaArea } from './rules.js';
import { diffSchemas, type SchemaSide } from './schema-diff.js';

/** Collects the changes of one catalog. */
export class ChangeList {
  readonly changes: Change[] = [];

  constructor(readonly catalog: string) {}

  /** Records a change by rule id; an id missing from the table is a bug in hookcat. */
  add(rule: string, subject: string, path: string, message: string, values: { before?: JsonValue; after?: JsonValue } = {}): void {
    const known = RULES[rule];
    if (known === undefined) throw new Error(`diff rule ${rule} is not in the rule table`);
    this.changes.push({ level: known.level, rule, catalog: this.catalog, subject, path, message, ...values });
  }

  /** Records every difference between two schemas of `area`. */
  addSchema(area: SchemaArea, subject: string, before: SchemaSide, after: SchemaSide, base = ''): void {
    for (const found of diffSchemas(before, after, SCHEMA_AREAS[area].direction)) {
      const values = { ...(found.before === undefined ? {} : { before: found.before }), ...(found.after === undefined ? {} : { after: found.after }) };
      this.add(`${area}.${found.kind}`, subject, base + found.path, found.message, values);
    }
  }
}
