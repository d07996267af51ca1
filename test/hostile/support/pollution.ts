/** Prototype pollution detector: the built-in prototypes must look the same after hostile input. */

const WATCHED: readonly (readonly [string, object])[] = [
  ['Object.prototype', Object.prototype],
  ['Array.prototype', Array.prototype],
  ['Function.prototype', Function.prototype],
  ['String.prototype', String.prototype],
];

/** Watched prototype + property -> what the property holds (a value, or its getter and setter). */
export type PrototypeSnapshot = ReadonlyMap<string, readonly unknown[]>;

/** Own properties of every watched prototype, by identity. */
export function snapshotPrototypes(): PrototypeSnapshot {
  const snapshot = new Map<string, readonly unknown[]>();
  for (const [name, proto] of WATCHED) {
    for (const key of Reflect.ownKeys(proto)) {
      const d = Object.getOwnPropertyDescriptor(proto, key);
      snapshot.set(`${name}.${String(key)}`, d === undefined ? [] : 'value' in d ? [d.value] : [d.get, d.set]);
    }
  }
  return snapshot;
}

/** What changed on the built-in prototypes since `before`, plus the classic pollution probes. */
export function pollutionSince(before: PrototypeSnapshot): string[] {
  const after = snapshotPrototypes();
  const problems: string[] = [];
  for (const [key, held] of after) {
    const was = before.get(key);
    if (was === undefined || was.length !== held.length || held.some((v, i) => !Object.is(v, was[i]))) problems.push(`${key} was added or replaced`);
  }
  for (const key of before.keys()) if (!after.has(key)) problems.push(`${key} was removed`);
  const probe = {} as Record<string, unknown>;
  for (const name of ['polluted', 'isAdmin', 'hookcat']) if (probe[name] !== undefined) problems.push(`({}).${name} is ${String(probe[name])}`);
  if (probe['constructor'] !== Object) problems.push('({}).constructor is not Object');
  if (probe['toString'] !== Object.prototype.toString) problems.push('({}).toString was replaced');
  if (Object.getPrototypeOf(probe) !== Object.prototype) problems.push('a fresh object has another prototype');
  return problems;
}
