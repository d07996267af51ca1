/**
 * What earlier processes found, kept as text by key (the cache folder, through the run's output
 * memo): the records of parsed files, and the passed verdicts of the meta-schema and example checks. A record
 * found is kept again for the next process, and one made is added.
 */
export interface KeptRecords {
  find(key: string): string | undefined;
  keep(key: string, record: string): void;
}
