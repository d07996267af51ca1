/**
 * `$ref` and `$id` values as a source writes them, read without throwing: a value that is no URI
 * reference (`http://[`) or whose percent-encoding is broken (`%zz`) resolves to nothing, and the
 * importer reports it as a reference it cannot follow (HI103), not as an internal error.
 */

/** `text` with its percent-encoding decoded, or undefined when that encoding is broken. */
export function decodedUri(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

/** One reference token of a JSON Pointer in a URI fragment (RFC 6901 §6), decoded. */
export function pointerToken(token: string): string | undefined {
  return decodedUri(token)?.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** `reference` resolved against `base`, or undefined when it is no URI reference. */
export function resolvedUrl(reference: string, base: string): URL | undefined {
  return URL.canParse(reference, base) ? new URL(reference, base) : undefined;
}
