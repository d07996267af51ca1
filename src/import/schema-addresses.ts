/**
 * Where a `$ref` of a folder of schemas points: the addresses each file and each of its
 * definitions is known by, and a reference resolved to the source id of its target (`<file>`,
 * `<file>#<pointer>`, or a definition's `<file>#/definitions/<name>`).
 *
 * A file is known by its path in the folder (percent-encoded as a URI, `shared%20types/a.json`),
 * by its `$id` (draft-04: `id`) resolved against that path, as JSON Schema resolves it, and by
 * its `$id` as written, as ajv knows a schema added under a relative `$id` (GitHub's published
 * payload schemas: `$id: common/issue.schema.json`, referred to by that text from
 * `issues/closed.schema.json`, whose own `$id` is `issues$closed`). A definition is known by its
 * `$anchor`, a plain-name `$id`/`id` (`#address`, draft-06/07 and 04), or an `$id` of its own
 * (an embedded resource). A reference is tried against the file's `$id`, then its path, then its
 * `$id` as written; the first address known wins.
 */
import { isObject } from '../catalog/schema-walk.js';
import { pointer } from './problems.js';
import { decodedUri, resolvedUrl } from './uri.js';

/** A file of the folder as a schema: its path (with `/`) and its JSON object. */
export interface FolderSchema {
  readonly path: string;
  readonly schema: Record<string, unknown>;
  /** Other paths the file is reached by (through links). */
  readonly aliases?: readonly string[] | undefined;
}

/** The keywords that hold a file's definitions. */
export const DEFINITIONS = ['definitions', '$defs'];

/** The folder's root as a URI (never fetched). */
const FOLDER = 'file:///folder/';
/** The root a relative `$id` is read against when it is taken as written. */
const AS_WRITTEN = 'x-schema-id:/';

export class SchemaAddresses {
  /** Address (no fragment) -> source id. */
  private readonly known = new Map<string, string>();
  /** Address with a plain-name fragment -> source id. */
  private readonly anchors = new Map<string, string>();
  /** Per file: the bases its references are resolved against, in order. */
  private readonly bases = new Map<string, URL[]>();

  constructor(files: readonly FolderSchema[]) {
    // Paths first: a file's own path names it, whatever another file's `$id` says.
    for (const { path: file, aliases = [] } of files) for (const at of [file, ...aliases]) this.known.set(address(inFolder(at)), file);
    for (const file of files) this.add(file);
  }

  /** `ref`, written in `file`, as the source id of its target; undefined when it names nothing known. */
  resolve(file: string, ref: string): string | undefined {
    for (const base of this.bases.get(file) ?? []) {
      const url = resolvedUrl(ref, base.href);
      if (url === undefined) continue;
      const fragment = url.hash.slice(1);
      if (fragment !== '' && !fragment.startsWith('/')) {
        const name = decodedUri(fragment);
        const anchored = name === undefined ? undefined : this.anchors.get(`${address(url)}#${name}`);
        if (anchored !== undefined) return anchored;
        continue;
      }
      const target = this.known.get(address(url));
      if (target === undefined) continue;
      const decoded = decodedUri(fragment);
      if (decoded === undefined) return undefined;
      if (decoded === '' || decoded === '/') return target;
      return target.includes('#') ? `${target}${decoded}` : `${target}#${decoded}`;
    }
    return undefined;
  }

  /** The addresses `file`'s `$id` and its definitions give, where no other file's path is. */
  private add({ path: file, schema }: FolderSchema): void {
    const own = inFolder(file);
    const id = identifier(schema);
    const spec = id === undefined ? undefined : resolvedUrl(id, own.href);
    const asWritten = id === undefined ? undefined : resolvedUrl(id, AS_WRITTEN);
    const names = [own, spec, asWritten].filter((url): url is URL => url !== undefined);
    this.bases.set(file, [spec ?? own, own, ...(asWritten === undefined ? [] : [asWritten])]);
    for (const url of names) if (!this.known.has(address(url))) this.known.set(address(url), file);
    for (const keyword of DEFINITIONS) {
      const definitions = schema[keyword];
      if (!isObject(definitions)) continue;
      for (const [name, definition] of Object.entries(definitions)) {
        if (!isObject(definition)) continue;
        const target = `${file}#${pointer(keyword, name)}`;
        const anchor = anchorOf(definition);
        if (anchor !== undefined) for (const url of names) this.anchors.set(`${address(url)}#${anchor}`, target);
        const embedded = identifier(definition);
        if (embedded === undefined || embedded.startsWith('#')) continue;
        for (const base of [spec ?? own, asWritten]) {
          const url = base === undefined ? undefined : resolvedUrl(embedded, base.href);
          if (url !== undefined && !this.known.has(address(url))) this.known.set(address(url), target);
        }
      }
    }
  }
}

/** A path of the folder as a URI, each segment percent-encoded. */
function inFolder(file: string): URL {
  return new URL(file.split('/').map(encodeURIComponent).join('/'), FOLDER);
}

/** A schema's `$id` (draft-04: `id`), when it is a string. */
function identifier(schema: Record<string, unknown>): string | undefined {
  const id = schema['$id'] ?? schema['id'];
  return typeof id === 'string' && id !== '' ? id : undefined;
}

/** A definition's plain name: its `$anchor`, or an `$id`/`id` of only a fragment (`#address`). */
function anchorOf(definition: Record<string, unknown>): string | undefined {
  if (typeof definition['$anchor'] === 'string' && definition['$anchor'] !== '') return definition['$anchor'];
  const id = identifier(definition);
  return id?.startsWith('#') === true && id.length > 1 ? decodedUri(id.slice(1)) : undefined;
}

/** A URI without its fragment, its path decoded: `a%20b.json` and `a b.json` are one address. */
function address(url: URL): string {
  return `${url.protocol}//${url.host}${decodedUri(url.pathname) ?? url.pathname}${url.search}`;
}
