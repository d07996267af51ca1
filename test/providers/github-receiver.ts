/**
 * A GitHub webhook receiver written against the generated types (the committed golden). The
 * body is the bare payload: the `X-GitHub-Event` header names the event and the body's `action`
 * its variant, so the receiver builds the event (`type`, `name`, `action`, `payload`) itself.
 * `github.test.ts` type-checks it with freshly generated types; every `@ts-expect-error` line
 * must really be an error.
 */
import { isEventType, type EventHandlers, type EventNames, type EventOf, type WebhookEvent } from '../fixtures/providers/github/expected/types.js';

/** The event a delivery carries, or undefined for an event or action the catalog does not list. */
export function parseDelivery(headers: Readonly<Record<string, string | undefined>>, body: unknown): WebhookEvent | undefined {
  const name = headers['x-github-event'];
  if (name === undefined || typeof body !== 'object' || body === null) return undefined;
  const action = 'action' in body && typeof body.action === 'string' ? body.action : undefined;
  const key = action === undefined ? name : `${name}.${action}`;
  return isEventType(key) ? ({ type: key, name, action, payload: body } as WebhookEvent) : undefined;
}

/** Every action of `issues` comes here; `event.action` narrows the payload. */
export function onIssue(event: EventOf<EventNames['issues']>): string {
  const issue = `#${event.payload.issue.number} in ${event.payload.repository.full_name}`;
  switch (event.action) {
    case 'opened':
      return event.payload.changes === undefined ? `${issue} opened` : `${issue} transferred from ${event.payload.changes.old_repository.full_name}`;
    case 'closed':
      return `${issue} closed at ${event.payload.issue.closed_at}`;
    case 'reopened':
      return `${issue} reopened`;
    case 'edited':
      return `${issue} edited${event.payload.changes.title === undefined ? '' : `, title was "${event.payload.changes.title.from}"`}`;
    case 'labeled':
    case 'unlabeled':
      return `${issue} ${event.action} ${event.payload.label?.name ?? '(a deleted label)'}`;
    case 'assigned':
      return `${issue} assigned to ${event.payload.assignee?.login ?? 'nobody'}`;
  }
}

/** One line about any delivery: a switch on the type, and one handler for all of `issues`. */
export function describeEvent(event: WebhookEvent): string {
  switch (event.type) {
    case 'push':
      return `push to ${event.payload.ref}: ${event.payload.commits.length} commits${event.payload.head_commit === null ? '' : `, head "${event.payload.head_commit.message}"`}`;
    case 'pull_request.closed':
      return `pull request #${event.payload.number} ${event.payload.pull_request.merged === true ? 'merged' : 'closed unmerged'}`;
    case 'pull_request.synchronize':
      return `pull request #${event.payload.number} moved from ${event.payload.before.slice(0, 7)} to ${event.payload.after.slice(0, 7)}`;
    case 'issue_comment.edited':
      return `comment ${event.payload.comment.id} edited${event.payload.changes.body === undefined ? '' : ', body changed'}`;
    case 'create':
    case 'delete':
      return `${event.payload.ref_type} ${event.payload.ref} ${event.type}d`;
    case 'release.published':
      return `release ${event.payload.release.tag_name} published at ${event.payload.release.published_at}`;
    case 'star.created':
      return `starred at ${event.payload.starred_at ?? 'an unknown time'}`;
    case 'ping':
      return `ping from hook ${event.payload.hook_id}: ${event.payload.zen}`;
  }
  if (event.name === 'issues') return onIssue(event);
  return `${event.name}${event.action === undefined ? '' : `.${event.action}`} from ${event.payload.sender?.login ?? 'GitHub'}`;
}

/** Handlers for some event types; each receives its own event. */
export const handlers: EventHandlers<string> = {
  'pull_request.opened': (event) => `${event.payload.pull_request.title} by ${event.payload.pull_request.user.login}`,
  fork: async (event) => `forked to ${event.payload.forkee.full_name}`,
};

/** Compile-time proofs: the line after each directive must fail to compile. */
export function misuse(event: WebhookEvent, issues: EventOf<EventNames['issues']>): void {
  // @ts-expect-error before narrowing on the action, `changes` is not a field of every issues payload
  void issues.payload.changes;
  // @ts-expect-error `deleted` is an action of issues, but not one this catalog lists
  if (issues.action === 'deleted') return;
  if (issues.action === 'reopened') {
    // @ts-expect-error a reopened issue's `closed_at` is nullable
    void issues.payload.issue.closed_at.length;
    // @ts-expect-error `label` comes with labeled and unlabeled, not reopened
    void issues.payload.label;
  }
  if (event.type === 'push') {
    // @ts-expect-error push has no action
    void event.action.length;
    // @ts-expect-error `head_commit` is null when the push deleted the ref
    void event.payload.head_commit.id;
  }
  if (event.type === 'pull_request.opened') {
    // @ts-expect-error `merged_by` is nullable
    void event.payload.pull_request.merged_by.login;
    // @ts-expect-error an opened pull request's payload has no `before`
    void event.payload.before;
  }
  // @ts-expect-error before narrowing, the payload has only what every event has: not every one has an issue
  void event.payload.issue;
}

// @ts-expect-error the header value of an issues event is `issues`, not `issue_comment`
export const wrongHeader: EventOf<'issues.reopened'>['name'] = 'issue_comment';

// @ts-expect-error a handler for an action the catalog does not list
export const unknownAction: EventHandlers = { 'issues.deleted': () => undefined };

// @ts-expect-error `workflow_run` is not an event name of the catalog
export type Unknown = EventOf<EventNames['workflow_run']>;
