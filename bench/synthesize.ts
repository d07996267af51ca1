/**
 * Writes a synthetic catalog of N events in 4 locales (en, et, pl, fr) for the benchmark:
 * `catalog.yaml` (metadata, envelope, subscriptions, categories), `schemas.yaml` (shared
 * schemas) and one `events/<category>.yaml` per category (50 categories from 1,000 events up),
 * block-style YAML like the seed catalogs. Deterministic: the same size gives the same bytes.
 *
 *   npx tsx bench/synthesize.ts 1000 bench/.data/1000/catalog/bench
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { blockYaml, type YamlValue } from './block-yaml.js';
import { eventPayload, sharedSchemas } from './payloads.js';
import { CATEGORY_IDS, localized, phrase, RESOURCES, seededRandom, VERBS, type Random } from './words.js';

export const BENCH_LOCALES = ['en', 'et', 'pl', 'fr'] as const;

export interface SynthesisOptions {
  readonly events: number;
  readonly locales?: readonly string[];
  readonly seed?: number;
}

export interface SynthesizedCatalog {
  readonly folder: string;
  /** Paths relative to the folder. */
  readonly files: readonly string[];
  readonly bytes: number;
  readonly events: number;
  readonly categories: readonly string[];
}

const HEADER = ['Synthetic catalog written by bench/synthesize.ts for `npm run bench`. Do not edit.'];

/** Categories used for a catalog of `events` events: 20 events each up to 50 categories. */
export function categoriesFor(events: number): string[] {
  return CATEGORY_IDS.slice(0, Math.max(1, Math.min(CATEGORY_IDS.length, Math.ceil(events / 20))));
}

/** Writes the catalog into `folder` (emptied first). */
export async function synthesizeCatalog(folder: string, options: SynthesisOptions): Promise<SynthesizedCatalog> {
  const locales = options.locales ?? BENCH_LOCALES;
  const seed = options.seed ?? 20261125;
  const categories = categoriesFor(options.events);
  await rm(folder, { recursive: true, force: true });
  await mkdir(path.join(folder, 'events'), { recursive: true });
  const random = seededRandom(seed);
  const shared = sharedSchemas(random, locales);
  const files: Record<string, string> = {
    'catalog.yaml': blockYaml(catalogFile(random, locales, categories), HEADER),
    'schemas.yaml': blockYaml({ schemas: shared.schemas }, HEADER),
  };
  categories.forEach((category, c) => {
    const count = Math.floor(options.events / categories.length) + (c < options.events % categories.length ? 1 : 0);
    files[categoryFile(category)] = categoryText(seed, locales, shared, category, c, count, 0);
  });
  let bytes = 0;
  for (const [relative, text] of Object.entries(files)) {
    await writeFile(path.join(folder, relative), text, 'utf8');
    bytes += Buffer.byteLength(text);
  }
  return { folder, files: Object.keys(files), bytes, events: options.events, categories };
}

/** Rewrites one category's events file with the description of its first event changed
 * (`revision` > 0), as a developer's edit would; returns the file's path. */
export async function editCategoryFile(catalog: SynthesizedCatalog, options: SynthesisOptions, index: number, revision: number): Promise<string> {
  const locales = options.locales ?? BENCH_LOCALES;
  const seed = options.seed ?? 20261125;
  const category = catalog.categories[index];
  if (category === undefined) throw new Error(`no category ${index}`);
  const shared = sharedSchemas(seededRandom(seed), locales);
  const count = Math.floor(catalog.events / catalog.categories.length) + (index < catalog.events % catalog.categories.length ? 1 : 0);
  const file = path.join(catalog.folder, categoryFile(category));
  await writeFile(file, categoryText(seed, locales, shared, category, index, count, revision), 'utf8');
  return file;
}

function categoryFile(category: string): string {
  return `events/${category}.yaml`;
}

/** Every fifth category is divided into two subgroups, as larger catalogs are. */
function groupsOf(c: number): string[] {
  return c % 5 === 0 ? ['lifecycle', 'changes'] : [];
}

function categoryText(
  seed: number,
  locales: readonly string[],
  shared: ReturnType<typeof sharedSchemas>,
  category: string,
  c: number,
  count: number,
  revision: number,
): string {
  const random = seededRandom(seed + 1000 * (c + 1));
  const groups = groupsOf(c);
  const keyOf = (j: number): string =>
    `${category}.${RESOURCES[Math.floor(j / VERBS.length) % RESOURCES.length]}${j >= VERBS.length * RESOURCES.length ? Math.floor(j / (VERBS.length * RESOURCES.length)) + 1 : ''}.${VERBS[j % VERBS.length]}`;
  const events: YamlValue[] = [];
  for (let j = 0; j < count; j++) {
    const resource = RESOURCES[Math.floor(j / VERBS.length) % RESOURCES.length]!;
    const payload = eventPayload(random, locales, shared, resource);
    const description = localized(random, locales, 7);
    if (j === 0 && revision > 0) description['en'] = `${description['en']} Edited ${revision}.`;
    const event: Record<string, YamlValue> = { key: keyOf(j), category };
    if (groups.length > 0) event['group'] = groups[j % groups.length]!;
    event['title'] = localized(random, locales, 3, phrase);
    event['description'] = description;
    event['payload'] = payload.schema;
    event['since'] = `1.${j % 4}`;
    event['tags'] = [category, resource];
    if (j % 25 === 24) event['deprecated'] = { since: '1.3', reason: localized(random, locales, 6), replacement: keyOf(j - 1) };
    event['examples'] = [{ name: 'basic', summary: localized(random, locales, 4, phrase), payload: payload.example }];
    events.push(event);
  }
  return blockYaml({ events }, HEADER);
}

function catalogFile(random: Random, locales: readonly string[], categories: readonly string[]): { [key: string]: YamlValue } {
  const text = (words: number): YamlValue => localized(random, locales, words);
  const title = (words: number): YamlValue => localized(random, locales, words, phrase);
  return {
    catalog: {
      id: 'bench',
      version: '1.3',
      locales: [...locales],
      sourceLocale: locales[0]!,
      docsUrl: 'https://docs.bench.example/webhooks',
      title: title(2),
      description: text(30),
    },
    envelope: {
      description: text(18),
      properties: {
        id: { type: 'string', format: 'uuid', description: text(12) },
        created: { type: 'string', format: 'date-time', description: text(5) },
        apiVersion: { type: 'string', enum: ['1.0', '1.2', '1.3'], description: text(6) },
      },
      required: ['id', 'created', 'apiVersion'],
      headers: [
        { name: 'Bench-Event-Type', description: text(9), example: 'orders.item.created' },
        { name: 'Bench-Delivery-Attempt', description: text(7), example: '1' },
      ],
      signature: { scheme: 'hmac', header: 'Bench-Signature', algorithm: 'sha256', description: text(35) },
      responses: [
        { status: '2XX', description: text(5) },
        { status: 'default', description: text(15) },
      ],
      retries: text(30),
    },
    subscriptions: {
      title: title(1),
      description: text(40),
      path: '/v1/webhooks',
      targets: ['url'],
      secret: { description: text(25), minLength: 32 },
      fields: [{ name: 'application', required: true, schema: { type: 'string', minLength: 1 }, title: title(1), description: text(8) }],
    },
    categories: categories.map((id, c) => {
      const category: Record<string, YamlValue> = { id, title: title(1), description: text(12) };
      const groups = groupsOf(c);
      if (groups.length > 0) category['groups'] = groups.map((g) => ({ id: g, title: title(2), description: text(6) }));
      return category;
    }),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const events = Number(process.argv[2] ?? 1000);
  const folder = process.argv[3] ?? path.join('bench', '.data', String(events), 'catalog', 'bench');
  const result = await synthesizeCatalog(folder, { events });
  console.log(`${result.events} events, ${result.files.length} files, ${(result.bytes / 1024 / 1024).toFixed(2)} MiB in ${folder}`);
}
