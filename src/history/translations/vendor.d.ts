/** The parts of gettext-parser 10 and xliff 6 that hookcat uses (neither ships type declarations). */
declare module 'gettext-parser' {
  export interface PoComments {
    translator?: string;
    extracted?: string;
    reference?: string;
    flag?: string;
    previous?: string;
  }
  export interface PoEntry {
    msgctxt?: string;
    msgid: string;
    msgid_plural?: string;
    msgstr: string[];
    comments?: PoComments;
  }
  export interface PoTable {
    charset: string;
    headers: { [name: string]: string };
    translations: { [context: string]: { [msgid: string]: PoEntry } };
  }
  export const po: {
    parse(input: string | Buffer, options?: { defaultCharset?: string; validation?: boolean }): PoTable;
    compile(table: PoTable, options?: { foldLength?: number; sort?: boolean | ((a: PoEntry, b: PoEntry) => number) }): Buffer;
  };
}

declare module 'xliff/js2xliff' {
  import type { XliffDocument } from 'xliff/xliff2js';
  export default function js2xliff(document: XliffDocument, options: { indent?: string }): Promise<string>;
}

declare module 'xliff/xliff2js' {
  export interface XliffUnit {
    source?: string;
    target?: string;
    note?: string | string[];
    additionalAttributes?: { [name: string]: string };
  }
  export interface XliffDocument {
    sourceLanguage: string;
    targetLanguage?: string;
    resources: { [file: string]: { [unit: string]: XliffUnit } };
  }
  export default function xliff2js(text: string, options: Record<string, never>): Promise<XliffDocument>;
}
