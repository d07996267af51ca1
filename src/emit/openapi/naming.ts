/**
 * Names in the OpenAPI document besides those of components and operations (which follow
 * `src/names/output-names.ts`): header parameters, responses and tag names, each made unique in
 * the order they are asked for, so the same catalog always gets the same names.
 */
export { camelCase, pascalCase } from '../../names/words.js';

/**
 * A namer that hands out each name once: a name already given (compared without case, as
 * generators that write one file per name would) gets the first free suffix: `2`, `3`, ...
 * for identifiers, ` (2)`, ` (3)`, ... for labels people read, such as tag names.
 */
export function uniqueNamer(kind: 'identifier' | 'label' = 'identifier'): (wanted: string) => string {
  const taken = new Set<string>();
  return (wanted) => {
    let name = wanted;
    for (let n = 2; taken.has(name.toLowerCase()); n += 1) name = kind === 'identifier' ? `${wanted}${n}` : `${wanted} (${n})`;
    taken.add(name.toLowerCase());
    return name;
  };
}
