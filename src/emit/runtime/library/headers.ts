/** `runtime/headers.ts` of every catalog's runtime, copied as is (no catalog data in it). */
// biome-ignore format: the text of a module, kept as written
export const HEADERS_MODULE = `/** Reading a header from whatever a framework hands over: a fetch \`Headers\`, Node's \`req.headers\`, or a plain object. */

/** A fetch \`Headers\` (or anything with \`get\`), or an object of header values by name. */
export type HeadersInput =
  | { get(name: string): string | null }
  | { readonly [name: string]: string | readonly string[] | undefined };

/** The value of header \`name\` (any case); several values are joined with \`, \` as fetch does. */
export function headerValue(headers: HeadersInput, name: string): string | undefined {
  if (typeof headers.get === 'function') return (headers as { get(name: string): string | null }).get(name) ?? undefined;
  const record = headers as { readonly [name: string]: string | readonly string[] | undefined };
  const lower = name.toLowerCase();
  let value = Object.hasOwn(record, lower) ? record[lower] : undefined;
  if (value === undefined) {
    for (const key of Object.keys(record)) if (key.toLowerCase() === lower) value = record[key];
  }
  if (typeof value === 'string' || value === undefined || value === null) return value ?? undefined;
  // A list as fetch joins it; anything else a hand-made headers object holds (a number) as text.
  return Array.isArray(value) ? value.join(', ') : String(value);
}
`;
