/** Text diagnostics stay one line per problem and show file names as they are, whatever bytes
 * a file name holds: control characters are escaped, never sent to the terminal. */
import { describe, expect, it } from 'vitest';
import { escapeControls, formatDiagnostics, type Diagnostic } from '../src/diagnostics.js';

const at = (file: string): Diagnostic => ({ code: 'HC201', severity: 'error', file, line: 1, column: 1, message: 'unknown property', hint: 'remove it' });

describe('file names in text diagnostics', () => {
  it('escapes ESC, newlines and other control characters', () => {
    const text = formatDiagnostics([at('events/\u001b[31mred\nline\r\t\u0007\u009b\u2028.yaml')], { color: false });
    expect(text).toBe('events/\\x1b[31mred\\nline\\r\\t\\u0007\\u009b\\u2028.yaml:1:1  error  HC201  unknown property (remove it)\n1 error, 0 warnings\n');
    expect(text.replace(/\n/g, '')).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
  });

  it('keeps every other name as it is, and tells an escape written in the name apart', () => {
    expect(escapeControls('catalog/wink/events/ça-été 😀.yaml')).toBe('catalog/wink/events/ça-été 😀.yaml');
    expect(escapeControls('a\\nb')).toBe('a\\\\nb');
    expect(escapeControls('a\nb')).toBe('a\\nb');
  });
});
