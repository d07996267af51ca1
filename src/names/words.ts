/**
 * How hookcat reads a name a provider wrote (an event key such as `PAYMENT.CAPTURE.COMPLETED`,
 * `orders/create` or `memberJoined`, a shared schema name such as `installation-lite`): its
 * parts, its words, and the one PascalCase and camelCase form every output uses.
 */

/** Characters that separate the parts of a key (`order.created`, `orders/create`, `repo:push`). */
export const PART_SEPARATORS = ['.', '/', ':'] as const;
export type PartSeparator = (typeof PART_SEPARATORS)[number];

const PART_SEPARATOR_PATTERN = /[./:]/;

/** The parts of a key: `orders/create` -> `orders`, `create`. */
export function keyParts(key: string): string[] {
  return key.split(PART_SEPARATOR_PATTERN);
}

/** The runs of letters and digits of a name, as written: `installation-lite` -> `installation`,
 * `lite`; `memberJoined` -> `memberJoined` (camelCase humps are kept inside a run). */
function runs(name: string): string[] {
  return name.split(/[^A-Za-z0-9]+/).filter((run) => run !== '');
}

/**
 * PascalCase of a name: each run of letters and digits with its first letter upper-cased, the
 * rest as written (`memberJoined` -> `MemberJoined`, `installation-lite` -> `InstallationLite`,
 * `HTTPServer` -> `HTTPServer`). A name without lower-case letters is in upper case throughout
 * (`PAYMENT.CAPTURE.COMPLETED`), so its runs are read as words: `PaymentCaptureCompleted`.
 */
export function pascalCase(name: string): string {
  const shouting = !/[a-z]/.test(name);
  return runs(name)
    .map((run) => (shouting ? run.toLowerCase() : run))
    .map((run) => run.charAt(0).toUpperCase() + run.slice(1))
    .join('');
}

/** camelCase of a name: its PascalCase with a lower-case first letter (`member.joined` -> `memberJoined`). */
export function camelCase(name: string): string {
  const pascal = pascalCase(name);
  return pascal.charAt(0).toLowerCase() + pascal.slice(1);
}

/** The words of a name in lower case, split at separators and camelCase humps, for comparing
 * styles and verb forms: `videoPlayComplete` -> `video`, `play`, `complete`. */
export function lowerWords(name: string): string[] {
  return runs(name)
    .flatMap((run) => run.match(/[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+/g) ?? [])
    .map((word) => word.toLowerCase());
}
