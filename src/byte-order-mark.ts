/** `text` without a leading byte order mark, which editors on Windows write and `JSON.parse` refuses. */
export function withoutByteOrderMark(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
