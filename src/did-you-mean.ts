/** "Did you mean" hints for a name that is not known: an unknown catalog property, config key or option. */

/** Levenshtein distance between two strings. */
export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length]!;
}

/**
 * The known name `name` was most likely meant to be, ignoring case: the longest known name it
 * starts with (`outDir` -> `out`, `catalogIds` -> `catalog`), else one within two edits
 * (`ouput` -> `out`), else the longest known name it contains or is contained in.
 */
export function closestName(name: string, known: readonly string[]): string | undefined {
  const lower = name.toLowerCase();
  const longest = (names: readonly string[]): string | undefined => [...names].sort((a, b) => b.length - a.length)[0];
  const candidates = known.filter((k) => k.length >= 3);
  const prefix = longest(candidates.filter((k) => lower.startsWith(k.toLowerCase())));
  if (prefix !== undefined) return prefix;
  const near = known
    .map((k) => ({ k, d: editDistance(k.toLowerCase(), lower) }))
    .filter(({ d }) => d <= 2)
    .sort((a, b) => a.d - b.d)[0];
  if (near !== undefined) return near.k;
  if (lower.length < 3) return undefined;
  return longest(candidates.filter((k) => lower.includes(k.toLowerCase()) || k.toLowerCase().includes(lower)));
}
