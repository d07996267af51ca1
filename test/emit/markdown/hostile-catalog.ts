/** A hand-built catalog whose text attacks every place a page puts it. */
import type { Catalog, EventType, Localized } from '../../../src/model/types.js';

/** Text that must come out as the same characters in every place. */
export const HOSTILE = 'a | b <script>alert(1)</script> `tick` ``two`` *star* _under_ [link](x) {{x}} ${y} &amp; # h\nnext\u2028line <!-- c -->';

/** What a reader sees of HOSTILE on one line (breaks become spaces). */
export const HOSTILE_LINE = 'a | b <script>alert(1)</script> `tick` ``two`` *star* _under_ [link](x) {{x}} ${y} &amp; # h next line <!-- c -->';

export function text(en: string, et?: string): Localized {
  return et === undefined
    ? { en: { text: en, fallback: false }, et: { text: en, fallback: true } }
    : { en: { text: en, fallback: false }, et: { text: et, fallback: false } };
}

const source = { file: 'events.yaml', line: 1, column: 1 };

function event(key: string, overrides: Partial<EventType> = {}): EventType {
  return {
    key,
    category: 'things',
    group: 'odd',
    title: text(`Title ${HOSTILE}`),
    description: text(HOSTILE, `ET ${HOSTILE}`),
    deliveredAs: { name: key, action: undefined },
    payload: {
      type: 'object',
      required: ['a|b'],
      properties: {
        'a|b': { type: 'string', description: HOSTILE, 'x-translations': { et: { description: `ET ${HOSTILE}` } } },
        'tick`name': { type: 'string', enum: ['{{x}}', 'a|b', '`'] },
        '{{y}}': { type: 'integer' },
      },
    },
    examples: [{ name: 'example-1', summary: text(HOSTILE), payload: { text: '```\n{{x}}\u2028</script>' } }],
    since: '1.0',
    deprecated: undefined,
    tags: [],
    source,
    ...overrides,
  };
}

export function hostileCatalog(): Catalog {
  return {
    id: 'hostile',
    version: '1.0',
    title: text(`Catalog ${HOSTILE}`),
    description: text(HOSTILE),
    locales: ['en', 'et'],
    sourceLocale: 'en',
    docsUrl: undefined,
    categories: [
      {
        id: 'things',
        title: text(`Category ${HOSTILE}`),
        description: text(HOSTILE),
        groups: [{ id: 'odd', title: text(`Group ${HOSTILE}`), description: text(HOSTILE) }],
      },
    ],
    events: [event('thing.made'), event('thing.gone', { deprecated: { since: '2.0', reason: text(HOSTILE), replacement: 'thing.made' } })],
    schemas: [],
    envelope: {
      shape: 'envelope',
      typeField: 'type',
      typeHeader: undefined,
      actionField: undefined,
      batch: undefined,
      dataField: 'data',
      properties: { id: { type: 'string', description: HOSTILE } },
      required: ['id'],
      description: text(HOSTILE),
      headers: [{ name: 'X-Sig', required: true, description: text(HOSTILE), example: '{{x}} | `y`' }],
      signature: { kind: 'hmac', header: 'X-Sig', algorithm: 'sha256', encoding: 'hex', prefix: '', description: text(HOSTILE) },
      responses: [{ status: '2XX', description: text(HOSTILE) }],
      retries: text(HOSTILE),
    },
    subscriptions: {
      title: text(`Subscriptions ${HOSTILE}`),
      description: text(HOSTILE),
      path: '/accounts/{account}/hooks',
      pathParameters: [{ name: 'account', description: text(HOSTILE), schema: { type: 'string', pattern: '^[|*_`]+$' } }],
      idField: 'id',
      idParameter: 'hook',
      idSchema: { type: 'string', pattern: '^{{x}}|`' },
      eventsField: 'events',
      wildcards: { all: true, families: 'star' },
      targets: ['url', 'email'],
      operations: [{ name: 'create', summary: text(`Create ${HOSTILE}`), description: text(HOSTILE) }],
      secret: { description: text(HOSTILE), generatedBy: 'provider', required: true, returned: 'create', minLength: 16 },
      fields: [{ name: 'label', required: false, schema: { type: 'string', enum: ['{{x}}'] }, title: text(HOSTILE), description: text(HOSTILE) }],
    },
  };
}
