/**
 * Type-checks a receiver written against a provider's generated types: with the freshly
 * generated module in place of the committed golden, and once more with its `@ts-expect-error`
 * directives turned into plain comments, to prove that exactly the marked lines are errors.
 */
import { readFileSync } from 'node:fs';
import type ts from 'typescript';
import { expect, it } from 'vitest';
import { formatDiagnostics, typeCheck } from '../emit/typescript/compile.js';

export interface Receiver {
  /** The receiver's source file. */
  readonly file: string;
  /** The golden types module it imports. */
  readonly golden: string;
  /** The types module just generated, checked in the golden's place. */
  readonly types: string;
}

/** Diagnostics of the receiver (its text on disk unless `text` is given). */
export function receiverDiagnostics(receiver: Receiver, text?: string): ts.Diagnostic[] {
  const files = new Map([[receiver.golden, receiver.types]]);
  if (text !== undefined) files.set(receiver.file, text);
  return typeCheck([receiver.file], files);
}

/** The 1-based lines that follow a `@ts-expect-error` directive in the receiver. */
export function expectedErrorLines(receiver: Receiver): number[] {
  return readFileSync(receiver.file, 'utf8')
    .split('\n')
    .flatMap((line, i) => (line.includes('// @ts-expect-error') ? [i + 2] : []));
}

/** The 1-based lines of the receiver that fail to compile once no directive excuses them. */
export function errorLinesWithoutDirectives(receiver: Receiver): number[] {
  const text = readFileSync(receiver.file, 'utf8').replaceAll('// @ts-expect-error', '// expected error:');
  const lines = receiverDiagnostics(receiver, text)
    .filter((d) => d.file?.fileName === receiver.file && d.start !== undefined)
    .map((d) => d.file!.getLineAndCharacterOfPosition(d.start!).line + 1);
  return [...new Set(lines)].sort((a, b) => a - b);
}

/**
 * Registers the two type checks of a receiver: it compiles against the fresh types (`narrowing`
 * says what it narrows on), and exactly its marked lines fail without their directives.
 */
export function describeReceiverTypeChecks(receiver: Receiver, narrowing: string, minimumProofs: number): void {
  it(`type-checks: narrowing on ${narrowing} works, and every @ts-expect-error line is an error`, () => {
    expect(formatDiagnostics(receiverDiagnostics(receiver))).toEqual([]);
  });

  it('fails exactly on the marked lines once the directives are removed', () => {
    const expected = expectedErrorLines(receiver);
    expect(expected.length).toBeGreaterThanOrEqual(minimumProofs);
    expect(errorLinesWithoutDirectives(receiver)).toEqual(expected);
  });
}
