/**
 * The serializer state of the page processor (see `normalize.ts`), taken from one real
 * stringify, with the place (stack, `before`, `after`) that each kind of inline content has
 * in it. The fast path (`fast-normalize.ts`) writes common text itself and hands everything
 * else to this state's own `safe` and handlers, so the two paths cannot drift apart: the
 * escaping rules, the GFM extensions and our text handler all come from the processor.
 */
import type { Nodes, Root, RootContent } from 'mdast';
import type { Info, State } from 'mdast-util-to-markdown';

/** Where inline content stands: a paragraph, a heading, a table cell, or a link's text in one of those. */
export type InlinePlace = 'paragraph' | 'heading' | 'cell' | 'paragraphLink' | 'headingLink' | 'cellLink';

export interface PlaceInfo {
  readonly stack: readonly string[];
  /** What the first and the last child of the container see around them. */
  readonly before: string;
  readonly after: string;
}

export interface CapturedState {
  readonly state: State;
  readonly places: { readonly [place in InlinePlace]: PlaceInfo };
}

/** The node type whose handler records the state; never in a real tree. */
export const CAPTURE_NODE = 'hookcatCaptureState';

const ORDER: readonly InlinePlace[] = ['paragraph', 'heading', 'cell', 'paragraphLink', 'headingLink', 'cellLink'];

/** A tree with the capture node once in each place, in `ORDER`. */
function captureTree(): Root {
  const capture = (): Nodes => ({ type: CAPTURE_NODE }) as unknown as Nodes;
  const link = (): Nodes => ({ type: 'link', url: 'x', children: [capture()] }) as Nodes;
  const table = (content: Nodes): RootContent =>
    ({ type: 'table', align: [null], children: [{ type: 'tableRow', children: [{ type: 'tableCell', children: [content] }] }] }) as RootContent;
  return {
    type: 'root',
    children: [
      { type: 'paragraph', children: [capture()] },
      { type: 'heading', depth: 2, children: [capture()] },
      table(capture()),
      { type: 'paragraph', children: [link()] },
      { type: 'heading', depth: 2, children: [link()] },
      table(link()),
    ] as RootContent[],
  };
}

let recorded: Array<{ state: State; place: PlaceInfo }> = [];

/** The handler for `CAPTURE_NODE`, to be registered with the processor's settings. */
export function captureHandler(_node: unknown, _parent: unknown, state: State, info: Info): string {
  recorded.push({ state, place: { stack: [...state.stack], before: info.before, after: info.after } });
  return 'x';
}

/** Runs `stringify` once on the capture tree and returns what was recorded. */
export function captureState(stringify: (tree: Root) => string): CapturedState {
  recorded = [];
  stringify(captureTree());
  const got = recorded;
  recorded = [];
  if (got.length !== ORDER.length) throw new Error(`internal error: captured ${got.length} places of ${ORDER.length}`);
  const places = Object.fromEntries(ORDER.map((place, i) => [place, got[i]!.place])) as CapturedState['places'];
  return { state: got[0]!.state, places };
}
