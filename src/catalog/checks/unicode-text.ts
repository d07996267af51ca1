/**
 * Text that no UTF-8 output can hold: a lone UTF-16 surrogate, made with an escape such as
 * `"\uD800"`. Written to a file it would silently become U+FFFD in some outputs and stay an
 * escape in others, so the catalog is refused instead. Runs on the data of every file, so it
 * holds whichever YAML parser read the file.
 */
import type { Diagnostic } from '../../diagnostics.js';
import type { DataPath, SourceFile } from '../source-file.js';
import type { Check } from './check.js';
import { diagnosticAt } from '../positions.js';

/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Whether `text` holds half of a UTF-16 surrogate pair. */
export function hasLoneSurrogate(text: string): boolean {
  return LONE_SURROGATE.test(text);
}

export const checkUnicodeText: Check = (source, memory) => {
  const checked = memory.memo<readonly Diagnostic[]>('unicode-text');
  return memory.once(source, 'checkUnicodeText', () => source.files.flatMap((file) => checked.get(file, '', () => loneSurrogates(file))));
};

function loneSurrogates(file: SourceFile): Diagnostic[] {
  // The loader decodes files as strict UTF-8, which holds only whole pairs: a lone surrogate
  // can only come from an escape, so a file without a backslash (the usual case) is not walked.
  if (!file.text.includes('\\')) return [];
  const diagnostics: Diagnostic[] = [];
  const report = (path: DataPath, target: 'key' | 'value'): void => {
    diagnostics.push(
      diagnosticAt(
        file,
        path,
        'HC106',
        'error',
        'this text holds half of a UTF-16 surrogate pair (an escape such as `\\uD800`), which no UTF-8 file can hold',
        'write the character itself, or escape both halves of the pair',
        target,
      ),
    );
  };
  const stack: { value: unknown; path: DataPath }[] = [{ value: file.data, path: [] }];
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (typeof value === 'string') {
      if (hasLoneSurrogate(value)) report(path, 'value');
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => stack.push({ value: item, path: [...path, i] }));
    } else if (value !== null && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) {
        if (hasLoneSurrogate(key)) report([...path, key], 'key');
        stack.push({ value: child, path: [...path, key] });
      }
    }
  }
  return diagnostics;
}
