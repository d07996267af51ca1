/**
 * Prints a `TsType` with ts-morph's code-block writer: type literals as indented blocks with
 * their doc comments, parentheses only where precedence needs them.
 */
import type CodeBlockWriter from 'code-block-writer';
import { jsDocComment, type DocLines } from './doc-comment.js';
import { tsNumber, tsPropertyName, tsString } from './literal.js';
import type { TsMember, TsType } from './ts-type.js';

/** Unions longer than this are written one member per line at the top of a type alias. */
const INLINE_UNION_LIMIT = 3;

/** Writes one top-level statement of a module. */
export type Statement = (writer: CodeBlockWriter) => void;

/** A named type: an interface when it is an object type, a type alias otherwise. */
export interface TypeDeclaration {
  readonly name: string;
  /** Type parameters as written between `<` and `>`, e.g. `K extends EventType`. */
  readonly typeParameters?: string;
  readonly doc: DocLines;
  readonly type: TsType;
}

/** Writes `declaration` as an exported interface or type alias, after its doc comment.
 * Objects become interfaces (better hovers and error messages); long unions of an alias
 * get one `| member` line each. */
function writeDeclaration(writer: CodeBlockWriter, declaration: TypeDeclaration): void {
  const { name, typeParameters, doc, type } = declaration;
  const head = typeParameters === undefined ? name : `${name}<${typeParameters}>`;
  for (const line of jsDocComment(doc)) writer.writeLine(line);
  if (type.kind === 'object') {
    writer.write(`export interface ${head} {`);
    writer.indent(() => writeMembers(writer, type.members, type.index));
    writer.write('}');
    return;
  }
  writer.write(`export type ${head} =`);
  if (isLongUnion(type)) {
    writer.withIndentationLevel(writer.getIndentationLevel() + 1, () => {
      for (const member of type.members) {
        const text = inlineType(member);
        if (text !== undefined) writer.newLine().write(`| ${text}`);
        else writeStructured(writer.newLine().write('| '), member);
      }
    });
  } else {
    writeType(writer.write(' '), type);
  }
  writer.write(';');
}

/** A statement that writes `declaration`. */
export function declarationStatement(declaration: TypeDeclaration): Statement {
  return (writer) => writeDeclaration(writer, declaration);
}

/**
 * Object members, one a line, each after its doc comment; the index signature first. Lines
 * without a type literal are handed to the writer together, which indents and breaks them as it
 * would one at a time: its cost is mostly per call.
 */
function writeMembers(writer: CodeBlockWriter, members: readonly TsMember[], index: TsType | undefined): void {
  const lines: string[] = [];
  if (index !== undefined) addMember(writer, lines, '[key: string]: ', index);
  for (const { doc, name, optional, type } of members) {
    if (doc.length > 0) lines.push(...jsDocComment(doc));
    addMember(writer, lines, `${tsPropertyName(name)}${optional ? '?' : ''}: `, type);
  }
  writeLines(writer, lines);
}

/** Adds a member's line to `lines`, or writes the lines so far and then the member, when its
 * type holds a type literal. */
function addMember(writer: CodeBlockWriter, lines: string[], head: string, type: TsType): void {
  const text = inlineType(type);
  if (text !== undefined) {
    lines.push(`${head}${text};`);
    return;
  }
  writeLines(writer, lines);
  writeStructured(writer.write(head), type).write(';').newLine();
}

function writeLines(writer: CodeBlockWriter, lines: string[]): void {
  if (lines.length > 0) writer.write(lines.join('\n')).newLine();
  lines.length = 0;
}

function isLongUnion(type: TsType): type is Extract<TsType, { kind: 'union' }> {
  return type.kind === 'union' && (type.members.length > INLINE_UNION_LIMIT || type.members.some((m) => m.kind === 'object'));
}

function writeType(writer: CodeBlockWriter, type: TsType): CodeBlockWriter {
  const text = inlineType(type);
  return text === undefined ? writeStructured(writer, type) : writer.write(text);
}

/** `type`, which holds a type literal, with the literal as an indented block. */
function writeStructured(writer: CodeBlockWriter, type: TsType): CodeBlockWriter {
  switch (type.kind) {
    case 'array':
      return writeOperand(writer, type.element, needsParensAsElement(type.element)).write('[]');
    case 'tuple':
      return writeTuple(writer, type);
    case 'object':
      writer.write('{');
      writer.indent(() => writeMembers(writer, type.members, type.index));
      return writer.write('}');
    case 'union':
    case 'intersection':
      type.members.forEach((member, i) => {
        if (i > 0) writer.write(type.kind === 'union' ? ' | ' : ' & ');
        writeOperand(writer, member, isCombination(member));
      });
      return writer;
    default:
      return writer.write(inlineType(type) ?? '');
  }
}

function writeTuple(writer: CodeBlockWriter, type: Extract<TsType, { kind: 'tuple' }>): CodeBlockWriter {
  writer.write('[');
  type.elements.forEach((element, i) => {
    if (i > 0) writer.write(', ');
    writeOperand(writer, element.type, element.optional && needsParensAsElement(element.type));
    if (element.optional) writer.write('?');
  });
  if (type.rest !== undefined) {
    if (type.elements.length > 0) writer.write(', ');
    writer.write('...');
    writeOperand(writer, type.rest, needsParensAsElement(type.rest)).write('[]');
  }
  return writer.write(']');
}

function writeOperand(writer: CodeBlockWriter, type: TsType, parenthesize: boolean): CodeBlockWriter {
  if (parenthesize) writer.write('(');
  writeType(writer, type);
  return parenthesize ? writer.write(')') : writer;
}

/**
 * `type` as one line of text, with the same parentheses as the writer functions above;
 * undefined when it holds a type literal (an object type is written as an indented block).
 */
function inlineType(type: TsType): string | undefined {
  switch (type.kind) {
    case 'keyword':
    case 'reference':
      return type.name;
    case 'literal':
      return typeof type.value === 'string' ? tsString(type.value) : typeof type.value === 'number' ? tsNumber(type.value) : String(type.value);
    case 'array': {
      const element = inlineOperand(type.element, needsParensAsElement(type.element));
      return element === undefined ? undefined : `${element}[]`;
    }
    case 'tuple':
      return inlineTuple(type);
    case 'object':
      return undefined;
    case 'union':
    case 'intersection': {
      const parts: string[] = [];
      for (const member of type.members) {
        const part = inlineOperand(member, isCombination(member));
        if (part === undefined) return undefined;
        parts.push(part);
      }
      return parts.join(type.kind === 'union' ? ' | ' : ' & ');
    }
  }
}

function inlineTuple(type: Extract<TsType, { kind: 'tuple' }>): string | undefined {
  const parts: string[] = [];
  for (const element of type.elements) {
    const part = inlineOperand(element.type, element.optional && needsParensAsElement(element.type));
    if (part === undefined) return undefined;
    parts.push(element.optional ? `${part}?` : part);
  }
  if (type.rest !== undefined) {
    const rest = inlineOperand(type.rest, needsParensAsElement(type.rest));
    if (rest === undefined) return undefined;
    parts.push(`...${rest}[]`);
  }
  return `[${parts.join(', ')}]`;
}

function inlineOperand(type: TsType, parenthesize: boolean): string | undefined {
  const text = inlineType(type);
  return text === undefined || !parenthesize ? text : `(${text})`;
}

function isCombination(type: TsType): boolean {
  return type.kind === 'union' || type.kind === 'intersection';
}

/** `T[]` and `T?` bind tighter than `|` and `&`; a negative literal reads better in parentheses. */
function needsParensAsElement(type: TsType): boolean {
  return isCombination(type) || (type.kind === 'literal' && typeof type.value === 'number' && type.value < 0);
}
