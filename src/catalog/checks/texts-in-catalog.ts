/** Every localized text of a catalog, with where it stands and what it describes. */
import type { DataPath } from '../source-file.js';
import type { CatalogSource, Located, RawEvent, RawText } from '../source.js';

export interface LocatedText extends Located<RawText> {
  /** What the text is, for messages: `title of event \`a.b\``. */
  readonly label: string;
  /** Title and description of categories, subgroups and events must be translated; other texts may fall back silently. */
  readonly required: boolean;
}

type AddText = (owner: Located<unknown>, path: DataPath, text: RawText | undefined, label: string, required: boolean) => void;

function collector(): { texts: LocatedText[]; add: AddText } {
  const texts: LocatedText[] = [];
  const add: AddText = (owner, path, text, label, required) => {
    if (text !== undefined) texts.push({ value: text, file: owner.file, path: [...owner.path, ...path], label, required });
  };
  return { texts, add };
}

/** Texts of the catalog block and the categories: the catalog's texts are these, then each
 * event's (`eventTexts`), then the envelope's and the subscriptions' (`tailTexts`). */
export function headTexts(source: CatalogSource): LocatedText[] {
  const { texts, add } = collector();
  const metadata = source.metadata;
  if (metadata) {
    add(metadata, ['title'], metadata.value.title, 'catalog title', true);
    add(metadata, ['description'], metadata.value.description, 'catalog description', true);
    (metadata.value.versions ?? []).forEach((v, i) => add(metadata, ['versions', i, 'notes'], v.notes, `notes of version ${v.version}`, false));
  }
  for (const category of source.categories) {
    const c = category.value;
    add(category, ['title'], c.title, `title of category \`${c.id}\``, true);
    add(category, ['description'], c.description, `description of category \`${c.id}\``, true);
    (c.groups ?? []).forEach((g, i) => {
      add(category, ['groups', i, 'title'], g.title, `title of subgroup \`${g.id}\``, true);
      add(category, ['groups', i, 'description'], g.description, `description of subgroup \`${g.id}\``, true);
    });
  }
  return texts;
}

/** Texts of one event. */
export function eventTexts(event: Located<RawEvent>): LocatedText[] {
  const { texts, add } = collector();
  const e = event.value;
  add(event, ['title'], e.title, `title of event \`${e.key}\``, true);
  add(event, ['description'], e.description, `description of event \`${e.key}\``, true);
  (e.examples ?? []).forEach((x, i) => add(event, ['examples', i, 'summary'], x.summary, `summary of an example of \`${e.key}\``, false));
  if (typeof e.deprecated === 'object') add(event, ['deprecated', 'reason'], e.deprecated.reason, `deprecation reason of \`${e.key}\``, false);
  return texts;
}

/** Texts of the envelope and the subscriptions. */
export function tailTexts(source: CatalogSource): LocatedText[] {
  const { texts, add } = collector();
  const envelope = source.envelope;
  if (envelope) {
    const v = envelope.value;
    add(envelope, ['description'], v.description, 'envelope description', false);
    add(envelope, ['retries'], v.retries, 'retry policy', false);
    if (v.signature) add(envelope, ['signature', 'description'], v.signature.description, 'signature description', false);
    (v.headers ?? []).forEach((h, i) => add(envelope, ['headers', i, 'description'], h.description, `description of header \`${h.name}\``, false));
    (v.responses ?? []).forEach((r, i) => add(envelope, ['responses', i, 'description'], r.description, `description of response ${r.status}`, false));
  }
  const subscriptions = source.subscriptions;
  if (subscriptions) {
    const v = subscriptions.value;
    add(subscriptions, ['title'], v.title, 'subscriptions title', false);
    add(subscriptions, ['description'], v.description, 'subscriptions description', false);
    if (v.secret) add(subscriptions, ['secret', 'description'], v.secret.description, 'secret description', false);
    (v.pathParameters ?? []).forEach((p, i) =>
      add(subscriptions, ['pathParameters', i, 'description'], p.description, `description of path parameter \`${p.name}\``, false),
    );
    (v.operations ?? []).forEach((o, i) => {
      add(subscriptions, ['operations', i, 'summary'], o.summary, `summary of operation \`${o.name}\``, false);
      add(subscriptions, ['operations', i, 'description'], o.description, `description of operation \`${o.name}\``, false);
    });
    (v.fields ?? []).forEach((f, i) => {
      add(subscriptions, ['fields', i, 'title'], f.title, `title of field \`${f.name}\``, false);
      add(subscriptions, ['fields', i, 'description'], f.description, `description of field \`${f.name}\``, false);
    });
  }
  return texts;
}
