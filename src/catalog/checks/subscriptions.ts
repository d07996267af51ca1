/**
 * The subscription API is whole: every `{name}` of its path is declared under `pathParameters`
 * once, and nothing else is, and the id's parameter is none of them (HC342); the subscription's
 * properties have distinct names: the id, the events field, `url`, `email`, the secret and the
 * catalog's own fields (HC343).
 */
import type { Diagnostic } from '../../diagnostics.js';
import { pathParameterNames } from '../path-parameters.js';
import { diagnosticAt } from '../positions.js';
import type { Located, RawSubscriptions } from '../source.js';
import type { DataPath } from '../source-file.js';
import type { Check } from './check.js';

export const checkSubscriptions: Check = (source) => {
  const subscriptions = source.subscriptions;
  if (subscriptions === undefined) return [];
  return [...pathParameterProblems(subscriptions), ...propertyClashes(subscriptions)];
};

function pathParameterProblems(located: Located<RawSubscriptions>): Diagnostic[] {
  const { value, file, path } = located;
  const at = (where: DataPath, message: string, hint: string): Diagnostic => diagnosticAt(file, [...path, ...where], 'HC342', 'error', message, hint);
  const inPath = pathParameterNames(value.path);
  const declared = value.pathParameters ?? [];
  const diagnostics: Diagnostic[] = [];
  for (const name of new Set(inPath.filter((name, i) => inPath.indexOf(name) !== i))) {
    diagnostics.push(at(['path'], `the path names \`{${name}}\` more than once`, 'give each path parameter its own name'));
  }
  for (const name of new Set(inPath)) {
    if (!declared.some((p) => p.name === name))
      diagnostics.push(
        at(
          ['path'],
          `the path parameter \`{${name}}\` is not declared`,
          'declare it under `pathParameters`, with a description and, unless it is a string, a schema',
        ),
      );
  }
  declared.forEach((parameter, i) => {
    if (!inPath.includes(parameter.name))
      diagnostics.push(
        at(['pathParameters', i, 'name'], `\`${parameter.name}\` is declared but the path has no \`{${parameter.name}}\``, 'remove it, or add it to the path'),
      );
    else if (declared.findIndex((p) => p.name === parameter.name) < i)
      diagnostics.push(at(['pathParameters', i, 'name'], `the path parameter \`${parameter.name}\` is declared twice`, 'remove one of them'));
  });
  const idParameter = value.idParameter ?? value.idField ?? 'id';
  if (inPath.includes(idParameter)) {
    const where = value.idParameter !== undefined ? 'idParameter' : value.idField !== undefined ? 'idField' : 'path';
    diagnostics.push(
      at([where], `the id parameter \`${idParameter}\` is also a parameter of the collection's path`, 'give the id parameter another name with `idParameter`'),
    );
  }
  return diagnostics;
}

function propertyClashes(located: Located<RawSubscriptions>): Diagnostic[] {
  const { value, file, path } = located;
  const targets = value.targets ?? ['url'];
  const secret = value.secret === undefined ? [] : value.secret.generatedBy === 'provider' ? ['secret'] : ['secret', 'secretSet'];
  // Properties hookcat adds first, so a clash is reported where the catalog chose a name.
  const names: { name: string; where: DataPath; what: string }[] = [
    ...targets.map((t) => ({ name: t, where: ['targets'], what: `the address of the ${t} target` })),
    ...secret.map((name) => ({ name, where: ['secret'], what: name === 'secret' ? 'the secret' : 'whether the secret is set' })),
    { name: value.idField ?? 'id', where: ['idField'], what: 'the id' },
    { name: value.eventsField ?? 'events', where: ['eventsField'], what: 'the events field' },
    ...(value.fields ?? []).map((f, i) => ({ name: f.name, where: ['fields', i, 'name'], what: 'a field of the catalog' })),
  ];
  const diagnostics: Diagnostic[] = [];
  names.forEach((entry, i) => {
    const first = names.findIndex((other) => other.name === entry.name);
    if (first === i) return;
    diagnostics.push(
      diagnosticAt(
        file,
        [...path, ...entry.where],
        'HC343',
        'error',
        `the property \`${entry.name}\` would hold both ${names[first]!.what} and ${entry.what}`,
        'give each property of a subscription its own name',
      ),
    );
  });
  return diagnostics;
}
