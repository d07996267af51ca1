/**
 * Text kept between emits, stored compactly. V8 stores a string in one byte per character
 * only when every character is Latin-1 *and* it was built from one-byte strings; catalog text
 * comes from a parser slicing files that hold other characters, so nearly all emitted text is
 * two bytes per character, although only the lines carrying Polish, Czech or similar words
 * need it. `compactText` copies a text into a rope of one-byte runs and two-byte lines: the
 * same characters in about half the memory.
 */

/** Runs of Latin-1 text shorter than this stay inside the two-byte part around them. */
const SHORTEST_RUN = 64;
const WIDE = /[^\u0000-\u00ff]/g;

let scratch = Buffer.allocUnsafe(1 << 16);

/** The characters `start` to `end` of `text` (default all), as a compact copy sharing nothing with `text`. */
export function compactText(text: string, start = 0, end = text.length): string {
  let out = '';
  let from = start;
  let wideStart = -1;
  let wideEnd = -1;
  WIDE.lastIndex = start;
  for (let match = WIDE.exec(text); match !== null && match.index < end; match = WIDE.exec(text)) {
    const lineStart = Math.max(text.lastIndexOf('\n', match.index) + 1, from, start);
    const newline = text.indexOf('\n', match.index);
    const lineEnd = newline === -1 || newline > end ? end : newline;
    if (wideStart !== -1 && lineStart - wideEnd < SHORTEST_RUN) wideEnd = lineEnd;
    else {
      if (wideStart !== -1) out += twoByteCopy(text, wideStart, wideEnd);
      if (lineStart > from) out += oneByteCopy(text, from, lineStart);
      wideStart = lineStart;
      wideEnd = lineEnd;
    }
    from = lineEnd;
    WIDE.lastIndex = lineEnd;
  }
  if (wideStart !== -1) out += twoByteCopy(text, wideStart, wideEnd);
  if (end > from) out += oneByteCopy(text, from, end);
  return out;
}

function oneByteCopy(text: string, start: number, end: number): string {
  const bytes = room(end - start);
  const length = bytes.write(text.slice(start, end), 0, 'latin1');
  return bytes.toString('latin1', 0, length);
}

function twoByteCopy(text: string, start: number, end: number): string {
  const bytes = room(2 * (end - start));
  const length = bytes.write(text.slice(start, end), 0, 'utf16le');
  return bytes.toString('utf16le', 0, length);
}

function room(bytes: number): Buffer {
  if (scratch.length < bytes) scratch = Buffer.allocUnsafe(2 * bytes);
  return scratch;
}
