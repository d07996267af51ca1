/** Parsers of command-line option values shared by the commands. */

/** A comma-separated, repeatable list option: `--catalog a,b --catalog c` -> `[a, b, c]`. */
export function list(value: string, previous: string[] = []): string[] {
  return [
    ...previous,
    ...value
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  ];
}
