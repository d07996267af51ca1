/** Names under the bundle's `$defs`, and references to them. */

/** `$defs` names: shared schemas keep their name (which has no `:`), events get a prefix ending in `:`. */
export const bundleDef = {
  shared: (name: string): string => name,
  payload: (eventKey: string): string => `payload:${eventKey}`,
  event: (eventKey: string): string => `event:${eventKey}`,
} as const;

/** `#/$defs/<name>`, the name escaped as a JSON Pointer token (RFC 6901 §3). */
export function defRef(name: string): string {
  return `#/$defs/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`;
}
