/**
 * The module text from statements written one at a time, the same bytes as ts-morph's
 * `createSourceFile` prints them in one go.
 *
 * ts-morph prints a source file's statements with one code-block writer, a blank line between
 * them, then parses the text. A fresh writer of the same project writes each statement to the
 * same text, and joining them with a blank line gives the file without the parse (ten megabytes
 * at 10,000 events), and lets the text of an unchanged statement be kept. That holds because the
 * writer carries only two things from one statement into the next: that the next one starts a
 * line (our statements look back no further), and its tracking of strings, comments and regular
 * expressions, which decides where to indent and is at rest after each of our statements, with
 * one exception. The writer takes `\'` for an escaped quote without looking further back, so a
 * string literal that ends in a backslash (`'a\\'`) stays open to it, and the rest of the line,
 * or with a backtick the rest of the file, is read (and indented) in that state. A statement
 * holding one does not stand alone, and a module with one is printed in one `createSourceFile`.
 */
import { IndentationText, NewLineKind, Project, QuoteKind, type StatementStructures, type WriterFunction } from 'ts-morph';

const SETTINGS = { indentationText: IndentationText.TwoSpaces, newLineKind: NewLineKind.LineFeed, quoteKind: QuoteKind.Single };

/** A quote after an even number of backslashes: a literal's closing quote the writer misreads
 * as escaped (also found in comments, where it is harmless: the check only has to be safe). */
const MISREAD_QUOTE = /(?<!\\)(?:\\\\)+'/;

/** Only writers are made from it; source files get a project of their own. */
let writerProject: Project | undefined;

/** A statement as a fresh writer writes it alone: no blank line before or after it. */
export interface StatementText {
  readonly text: string;
  /** False when the writer would write the statements after it differently (see above). */
  readonly standsAlone: boolean;
}

/** Writes one statement with a fresh writer of the module's settings. */
export function writeStatement(write: WriterFunction): StatementText {
  return writeStatements([write])[0]!;
}

/**
 * Writes statements one after another with one writer (a writer costs more to make than a short
 * statement to write), each from the start of a line: the texts a fresh writer writes for each,
 * as long as the ones before stand alone. After one that does not, none is taken to.
 */
export function writeStatements(writes: readonly WriterFunction[]): StatementText[] {
  writerProject ??= new Project({ useInMemoryFileSystem: true, manipulationSettings: SETTINGS });
  const writer = writerProject.createWriter();
  const bounds = writes.map((write) => {
    if (writer.getLength() > 0) writer.newLineIfLastNot();
    const start = writer.getLength();
    write(writer);
    return [start, writer.getLength()] as const;
  });
  const text = writer.toString();
  let standsAlone = true;
  return bounds.map(([start, end]) => {
    const statement = statementText(text.slice(start, end));
    standsAlone &&= statement.standsAlone;
    return { text: statement.text, standsAlone };
  });
}

/** `text` as a statement written alone by a fresh writer (e.g. parts of such texts joined as the writer would). */
export function statementText(text: string): StatementText {
  return { text, standsAlone: !MISREAD_QUOTE.test(text) };
}

/** Statements that stand alone, as the module text: one blank line between them (as the
 * writer puts it: whatever line breaks a text ends with become one blank line). */
export function joinStatements(texts: readonly string[]): string {
  return texts.map(withoutFinalLineBreaks).join('\n\n');
}

function withoutFinalLineBreaks(text: string): string {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 0x0a) end--;
  return end === text.length ? text : text.slice(0, end);
}

/** The statements as ts-morph's `createSourceFile` prints them, one blank line between them. */
export function printStatements(statements: readonly SourceStatement[]): string {
  const project = new Project({ useInMemoryFileSystem: true, manipulationSettings: SETTINGS });
  const file = project.createSourceFile('/module.ts', { statements: statements.flatMap((statement, i) => (i === 0 ? [statement] : [blankLine, statement])) });
  return file.getFullText();
}

const blankLine: WriterFunction = (writer) => {
  writer.blankLineIfLastNot();
};

/** What ts-morph prints a statement from. */
export type SourceStatement = string | StatementStructures | WriterFunction;

/** Top-level statements: their text, and what ts-morph prints them from. */
export interface ModuleStatement extends StatementText {
  readonly source: readonly SourceStatement[];
}

/** `source` (a string or a writer function), written alone. */
export function moduleStatement(source: string | WriterFunction): ModuleStatement {
  return { ...writeStatement(typeof source === 'string' ? (writer) => writer.write(source) : source), source: [source] };
}

/**
 * The module: the statements' texts joined when each stands alone, otherwise every statement
 * printed by ts-morph in one `createSourceFile` call.
 */
export function moduleText(statements: readonly ModuleStatement[]): string {
  return statements.every((statement) => statement.standsAlone)
    ? joinStatements(statements.map((statement) => statement.text))
    : printStatements(statements.flatMap((statement) => statement.source));
}
