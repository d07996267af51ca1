/**
 * Prints a `TsType` with ts-morph's code-block writer: type literals as indented blocks with
 * their doc comments, parentheses only where precedence needs them.
 */
import type { CodeBlockWriter, WriterFunction } from 'ts-morph';
import { jsDocComment, type DocLines } from './doc-comment.js';
import { tsNumber, tsPropertyName, tsString } from './literal.js';
import type { TsMember, TsType } from './ts-type.js';

/** Unions longer than this are written one member per line at the top of a type alias. */
const INLINE_UNION_LIMIT = 3;

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
        writer.newLine().write('| ');
        writeType(writer, member);
      }
    });
  } else {
    writer.write(' ');
    writeType(writer, type);
  }
  writer.write(';');
}

/** A statement for ts-morph's `statements` that writes `declaration`. */
export function declarationStatement(declaration: TypeDeclaration): WriterFunction {
  return (writer) => writeDeclaration(writer, declaration);
}

/** Object members, one a line, each after its doc comment; the index signature first. */
function writeMembers(writer: CodeBlockWriter, members: readonly TsMember[], index: TsType | undefined): void {
  if (index !== undefined) {
    writer.write('[key: string]: ');
    writeType(writer, index);
    writer.write(';').newLine();
  }
  for (const member of members) {
    for (const line of jsDocComment(member.doc)) writer.writeLine(line);
    writer.write(`${tsPropertyName(member.name)}${member.optional ? '?' : ''}: `);
    writeType(writer, member.type);
    writer.write(';').newLine();
  }
}

function isLongUnion(type: TsType): type is Extract<TsType, { kind: 'union' }> {
  return type.kind === 'union' && (type.members.length > INLINE_UNION_LIMIT || type.members.some((m) => m.kind === 'object'));
}

function writeType(writer: CodeBlockWriter, type: TsType): void {
  switch (type.kind) {
    case 'keyword':
    case 'reference':
      writer.write(type.name);
      return;
    case 'literal':
      writer.write(typeof type.value === 'string' ? tsString(type.value) : typeof type.value === 'number' ? tsNumber(type.value) : String(type.value));
      return;
    case 'array':
      writeOperand(writer, type.element, needsParensAsElement(type.element));
      writer.write('[]');
      return;
    case 'tuple':
      writeTuple(writer, type);
      return;
    case 'object':
      writer.write('{');
      writer.indent(() => writeMembers(writer, type.members, type.index));
      writer.write('}');
      return;
    case 'union':
    case 'intersection':
      type.members.forEach((member, i) => {
        if (i > 0) writer.write(type.kind === 'union' ? ' | ' : ' & ');
        writeOperand(writer, member, member.kind === 'union' || member.kind === 'intersection');
      });
      return;
  }
}

function writeTuple(writer: CodeBlockWriter, type: Extract<TsType, { kind: 'tuple' }>): void {
  writer.write('[');
  type.elements.forEach((element, i) => {
    if (i > 0) writer.write(', ');
    writeOperand(writer, element.type, element.optional && needsParensAsElement(element.type));
    if (element.optional) writer.write('?');
  });
  if (type.rest !== undefined) {
    if (type.elements.length > 0) writer.write(', ');
    writer.write('...');
    writeOperand(writer, type.rest, needsParensAsElement(type.rest));
    writer.write('[]');
  }
  writer.write(']');
}

function writeOperand(writer: CodeBlockWriter, type: TsType, parenthesize: boolean): void {
  if (parenthesize) writer.write('(');
  writeType(writer, type);
  if (parenthesize) writer.write(')');
}

/** `T[]` and `T?` bind tighter than `|` and `&`; a negative literal reads better in parentheses. */
function needsParensAsElement(type: TsType): boolean {
  return type.kind === 'union' || type.kind === 'intersection' || (type.kind === 'literal' && typeof type.value === 'number' && type.value < 0);
}
