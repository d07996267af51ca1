/**
 * Names in the OpenAPI document: PascalCase component names, camelCase operation ids and
 * tag names, each made unique in the order they are asked for, so the same catalog always
 * gets the same names.
 */

/** `booking.contract.refund-partial` -> `BookingContractRefundPartial`; `member_info` -> `MemberInfo`. */
export function pascalCase(text: string): string {
  return words(text)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('');
}

/** `member.joined` -> `memberJoined`. */
export function camelCase(text: string): string {
  const pascal = pascalCase(text);
  return pascal.charAt(0).toLowerCase() + pascal.slice(1);
}

function words(text: string): string[] {
  return text.split(/[^A-Za-z0-9]+/).filter((word) => word !== '');
}

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
