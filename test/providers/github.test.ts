/**
 * GitHub (bare shape: the body is the payload, `X-GitHub-Event` names the event and `action` its
 * variant): the catalog in test/fixtures/providers/github generates output that independent tools
 * accept; every real delivery of its events and actions in @octokit/webhooks-examples (GitHub's
 * documented examples) validates against the generated schemas, and no other one does; a receiver
 * narrows on the event and, for `issues`, on its action.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { openApiSchemaValidator } from '../emit/openapi-ajv.js';
import { PROVIDERS, generateProvider, schemaFiles, type Json } from './generated-output.js';
import { defaultAjv, describeIndependentChecks } from './independent-checks.js';
import { describeReceiverTypeChecks, type Receiver } from './receiver-check.js';

const output = await generateProvider('github');
const schemas = schemaFiles(output);
const keys = output.result.catalogs[0]!.events.map((event) => event.key);

/** GitHub's documented deliveries, as @octokit/webhooks-examples (a pinned devDependency) ships them. */
interface ExampleSet {
  readonly name: string;
  readonly examples: readonly Json[];
}
const exampleFile = createRequire(import.meta.url).resolve('@octokit/webhooks-examples/api.github.com/index.json');
const documented = (JSON.parse(readFileSync(exampleFile, 'utf8')) as ExampleSet[]).flatMap(({ name, examples }) =>
  examples.map((body) => ({
    name,
    action: body['action'] as string | undefined,
    key: body['action'] === undefined ? name : `${name}.${body['action']}`,
    body,
  })),
);
const ours = documented.filter((delivery) => keys.includes(delivery.key));
const others = documented.filter((delivery) => !keys.includes(delivery.key));

describeIndependentChecks('github', output, { warnings: [] });

describe("GitHub's documented deliveries (@octokit/webhooks-examples)", () => {
  const ajv = defaultAjv(schemas);
  const bundle = ajv.compile(schemas.get('bundle.schema.json')!);

  it('cover most of the catalog: at least one delivery for all but one of its events', () => {
    const covered = new Set(ours.map((delivery) => delivery.key));
    expect(keys.filter((key) => !covered.has(key))).toEqual(['issues.closed']);
    expect(ours.length).toBeGreaterThanOrEqual(60);
  });

  it('every delivery of an event and action in the catalog validates against its event schema and the bundle', () => {
    for (const { key, body } of ours) {
      const validate = ajv.getSchema(schemas.get(`events/${key}.schema.json`)!['$id'])!;
      expect(validate(body), `${key}: ${JSON.stringify(validate.errors)}`).toBe(true);
      expect(bundle(body), `${key} (bundle): ${JSON.stringify(bundle.errors?.slice(0, 3))}`).toBe(true);
    }
  });

  it('every delivery of an event or action the catalog does not list is refused by the bundle', () => {
    expect(others.length).toBeGreaterThan(200);
    expect(others.filter(({ body }) => bundle(body)).map(({ key }) => key)).toEqual([]);
  });

  it('the event schema of one action refuses the delivery of another action of the same event', () => {
    const opened = ajv.getSchema(schemas.get('events/issues.opened.schema.json')!['$id'])!;
    const labeled = ours.find((delivery) => delivery.key === 'issues.labeled')!;
    expect(opened(labeled.body)).toBe(false);
    expect(opened({ ...labeled.body, action: 'opened' })).toBe(true);
  });
});

describe("GitHub's repository webhooks API", () => {
  const document = JSON.parse(output.files.get('openapi.json')!) as Json;
  const create = openApiSchemaValidator(document)('#/components/schemas/WebhookSubscriptionCreate');
  const url = 'https://example.com/webhook';

  it('lives under the repository, and names a hook by its integer id', () => {
    expect(Object.keys(document['paths'])).toEqual(['/repos/{owner}/{repo}/hooks', '/repos/{owner}/{repo}/hooks/{hook_id}']);
    const item = document['paths']['/repos/{owner}/{repo}/hooks/{hook_id}'];
    expect(item.parameters.map((p: Json) => [p.name, p.schema.type])).toEqual([
      ['owner', 'string'],
      ['repo', 'string'],
      ['hook_id', 'integer'],
    ]);
    expect(document['components'].schemas.WebhookSubscription.properties.id).toMatchObject({ type: 'integer', readOnly: true });
  });

  it('subscribes to `*`, to an event with all its actions, or to one action; to nothing else', () => {
    for (const events of [['*'], ['push', 'pull_request'], ['issues', 'issue_comment', 'release'], ['issues.opened']]) {
      expect(create({ url, events }), JSON.stringify(events)).toBe(true);
    }
    for (const events of [['issues.*'], ['deployment'], [], ['push', 'push']]) expect(create({ url, events }), JSON.stringify(events)).toBe(false);
  });

  it('takes a secret the user may set, and never returns it', () => {
    const { WebhookSubscription, WebhookSubscriptionCreate } = document['components'].schemas;
    expect(WebhookSubscriptionCreate.properties.secret).toMatchObject({ type: 'string', writeOnly: true });
    expect(WebhookSubscriptionCreate.required).not.toContain('secret');
    expect(create({ url, events: ['push'], secret: 'a' })).toBe(true);
    expect(WebhookSubscription.properties.secret).toBeUndefined();
  });
});

describe('a GitHub receiver written against the generated types', () => {
  const receiver: Receiver = {
    file: path.join(import.meta.dirname, 'github-receiver.ts'),
    golden: path.join(PROVIDERS, 'github/expected/types.ts'),
    types: output.files.get('types.ts')!,
  };

  describeReceiverTypeChecks(receiver, 'the event and on the action', 12);

  it("runs on GitHub's documented deliveries: each is told apart by header and action", async () => {
    const { describeEvent, parseDelivery } = await import('./github-receiver.js');
    for (const { name, action, key, body } of ours) {
      const event = parseDelivery({ 'x-github-event': name }, body);
      expect(event && { type: event.type, name: event.name, action: event.action }).toEqual({ type: key, name, action });
      expect(describeEvent(event!)).toBeTypeOf('string');
    }
    const labeled = ours.find((delivery) => delivery.key === 'issues.labeled')!;
    expect(describeEvent(parseDelivery({ 'x-github-event': 'issues' }, labeled.body)!)).toBe(
      `#${labeled.body['issue'].number} in ${labeled.body['repository'].full_name} labeled ${labeled.body['label'].name}`,
    );
    expect(parseDelivery({ 'x-github-event': 'issues' }, { ...labeled.body, action: 'deleted' })).toBeUndefined();
    expect(parseDelivery({ 'x-github-event': 'workflow_run' }, labeled.body)).toBeUndefined();
    expect(parseDelivery({}, labeled.body)).toBeUndefined();
  });
});
