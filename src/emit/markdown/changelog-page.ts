/**
 * `changelog.md`: what changed in each version of the catalog, newest first. The versions are
 * those the catalog declares (`catalog.versions`, with date and notes) and those its events
 * name in `since` and `deprecated.since`; each lists the events it added and deprecated, and
 * the changes `hookcat diff --attach` recorded for it.
 */
import type { Catalog, CatalogVersion, EventType } from '../../model/types.js';
import { oneLine } from './escape.js';
import { LINKS, PAGE_ORDER, type PageContext, type PageView } from './page.js';

/** Every version the catalog knows of: declared ones first, then the others its events name. */
export function knownVersions(catalog: Catalog): string[] {
  const names = new Set((catalog.versions ?? []).map((v) => v.version));
  for (const event of catalog.events) {
    if (event.since !== undefined) names.add(event.since);
    if (event.deprecated?.since !== undefined) names.add(event.deprecated.since);
  }
  return [...names];
}

/** Whether the catalog has a changelog page: it knows of at least one version. */
export function hasChangelog(catalog: Catalog): boolean {
  return knownVersions(catalog).length > 0;
}

/** Newest first: numeric parts compared as numbers, a pre-release (`2.0-rc.1`) before its release,
 * pre-releases in semver's order (`rc.10` after `rc.9`, see `comparePreReleasesNewestFirst`);
 * two dates (`2022-9-1`, `2024-09-30.acacia`) by year, month and day first. */
export function compareVersionsNewestFirst(a: string, b: string): number {
  const dateA = DATE.exec(a);
  const dateB = DATE.exec(b);
  if (dateA !== null && dateB !== null) {
    for (let i = 1; i <= 3; i++) {
      const diff = compareDigits(dateB[i]!, dateA[i]!);
      if (diff !== 0) return diff;
    }
  }
  const [coreA = '', preA] = a.split(/-(.*)/s);
  const [coreB = '', preB] = b.split(/-(.*)/s);
  const partsA = coreA.split('.');
  const partsB = coreB.split('.');
  for (let i = 0; i < Math.max(partsA.length, partsB.length); i++) {
    const diff = compareDigits(partsB[i] ?? '0', partsA[i] ?? '0');
    if (diff !== 0) return diff;
  }
  if (preA === preB) return 0;
  if (preA === undefined) return -1;
  if (preB === undefined) return 1;
  return comparePreReleasesNewestFirst(preA, preB);
}

/** A version that starts with a date: year, month and day, each month or day of one or two digits. */
const DATE = /^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?=$|[.-])/;

const NUMERIC = /^[0-9]+$/;

/** Two strings of digits compared as the numbers they write, however long (`Number` rounds past
 * 2^53, and turns 400 digits into Infinity). */
function compareDigits(a: string, b: string): number {
  const x = a.replace(/^0+(?=.)/s, '');
  const y = b.replace(/^0+(?=.)/s, '');
  if (x.length !== y.length) return x.length - y.length;
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Semver's precedence of two different pre-release parts, newest first: dot-separated
 * identifiers compared in turn, numeric ones as numbers and before (older than) the others,
 * which compare as ASCII text; when one list is the start of the other, the longer is newer. */
function comparePreReleasesNewestFirst(a: string, b: string): number {
  const idsA = a.split('.');
  const idsB = b.split('.');
  for (let i = 0; i < Math.min(idsA.length, idsB.length); i++) {
    const idA = idsA[i]!;
    const idB = idsB[i]!;
    if (idA === idB) continue;
    const numericA = NUMERIC.test(idA);
    const numericB = NUMERIC.test(idB);
    if (numericA && numericB && compareDigits(idA, idB) !== 0) return compareDigits(idB, idA);
    if (numericA !== numericB) return numericA ? 1 : -1;
    return idB < idA ? -1 : 1;
  }
  return idsB.length - idsA.length;
}

function eventLink(ctx: PageContext, event: EventType) {
  return { key: event.key, link: LINKS.fromTop.event(event.key), title: ctx.text.pick(event.title, `events/${event.key}/title`) };
}

function versionView(ctx: PageContext, version: string, declared: CatalogVersion | undefined) {
  const { catalog } = ctx;
  const keys = new Set(catalog.events.map((e) => e.key));
  return {
    version,
    date: declared?.date ?? null,
    notes: ctx.text.pickOptional(declared?.notes, `versions/${version}/notes`) ?? null,
    added: catalog.events.filter((e) => e.since === version).map((e) => eventLink(ctx, e)),
    deprecated: catalog.events
      .filter((e) => e.deprecated?.since === version)
      .map((e) => {
        const replacement = e.deprecated?.replacement;
        return { ...eventLink(ctx, e), replacement: replacement === undefined ? null : { key: replacement, link: LINKS.fromTop.event(replacement) } };
      }),
    changes: (declared?.changes ?? []).map((c) => ({
      levelMessage: `level_${c.level}`,
      rule: c.rule,
      subject: c.subject,
      subjectLink: keys.has(c.subject) ? LINKS.fromTop.event(c.subject) : null,
      path: c.path,
    })),
  };
}

export function changelogPage(ctx: PageContext): PageView {
  const { catalog, text } = ctx;
  const declared = new Map((catalog.versions ?? []).map((v) => [v.version, v]));
  const versions = knownVersions(catalog)
    .sort(compareVersionsNewestFirst)
    .map((version) => versionView(ctx, version, declared.get(version)));
  const title = ctx.messages.text('changelogPageTitle');
  return {
    path: 'changelog.md',
    template: 'changelog',
    title: oneLine(title),
    description: oneLine(text.pick(catalog.title, 'catalog/title').text),
    order: PAGE_ORDER.changelog,
    extra: {},
    view: { links: LINKS.fromTop, versions },
  };
}
