/**
 * The style a key is written in, for the naming lint: the separator between its parts (`.`, `/`,
 * `:`), how it joins the words of a part (`-`, `_`, camelCase humps) and its case (upper, or
 * lower and mixed). A key can show several of a kind (`a.b_c-d` joins with `_` and `-`).
 */
import { PART_SEPARATORS } from '../../names/words.js';

/** One kind of style and its values. */
export type StyleKind = 'parts' | 'joiner' | 'case';

export interface StyleTrait {
  readonly kind: StyleKind;
  /** `.`, `/`, `:` (parts); `-`, `_`, `camelCase` (joiner); `upper`, `lower` (case). */
  readonly value: string;
}

/** The traits of `key`, at most one per kind and value. */
export function styleTraits(key: string): StyleTrait[] {
  const traits: StyleTrait[] = [];
  for (const separator of PART_SEPARATORS) if (key.includes(separator)) traits.push({ kind: 'parts', value: separator });
  for (const joiner of ['-', '_'] as const) if (key.includes(joiner)) traits.push({ kind: 'joiner', value: joiner });
  if (/[a-z][A-Z]/.test(key)) traits.push({ kind: 'joiner', value: 'camelCase' });
  if (/[a-z]/.test(key)) traits.push({ kind: 'case', value: 'lower' });
  else if (/[A-Z]/.test(key)) traits.push({ kind: 'case', value: 'upper' });
  return traits;
}

/** How a message names a trait: "separates its parts with `/`", "joins words in camelCase"... */
export function describeTrait(trait: StyleTrait, subject: 'key' | 'most'): string {
  const code = `\`${trait.value}\``;
  switch (trait.kind) {
    case 'parts':
      return subject === 'key' ? `separates its parts with ${code}` : `use ${code} between parts`;
    case 'joiner':
      if (trait.value === 'camelCase') return subject === 'key' ? 'joins words in camelCase' : 'use camelCase';
      return subject === 'key' ? `joins words with ${code}` : `use ${code}`;
    case 'case':
      return subject === 'key' ? `is written in ${trait.value} case` : `are in ${trait.value} case`;
  }
}
