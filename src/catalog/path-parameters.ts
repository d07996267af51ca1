/** The `{name}` segments of a subscription API's path (`/repos/{owner}/{repo}/hooks`). */

/** Their names, in the order of the path: `owner`, `repo`. */
export function pathParameterNames(path: string): string[] {
  return [...path.matchAll(/\{([A-Za-z_][A-Za-z0-9_]*)\}/g)].map((match) => match[1]!);
}
