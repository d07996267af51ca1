/** The site's own words in each locale (menus, search, home and downloads pages), from the page message files. */
import { generalTags } from '../locale/tags.js';
import type { TemplateSet } from '../emit/emitter.js';
import { pageMessages } from '../emit/markdown/messages.js';

/** Message ids the site uses besides the pages' own. */
export const SITE_MESSAGE_IDS = [
  'languageName',
  'siteTitle',
  'siteIntro',
  'site_outline',
  'site_prev',
  'site_next',
  'site_returnToTop',
  'site_sidebarMenu',
  'site_appearance',
  'site_lightMode',
  'site_darkMode',
  'site_langMenu',
  'site_skipToContent',
  'site_notFound',
  'site_home',
  'site_overview',
  'site_eventCount',
  'site_downloads',
  'site_downloadsIntro',
  'site_downloadsLink',
  'site_openapiText',
  'site_jsonSchemas',
  'site_bundleText',
  'site_deliveredEvent',
  'site_typesHeading',
  'site_typesText',
  'site_search',
  'site_searchNoResults',
  'site_searchReset',
  'site_searchBack',
  'site_searchDetails',
  'site_searchSelect',
  'site_searchNavigate',
  'site_searchClose',
  'site_signatureTitle',
  'site_signatureIntro',
  'site_signatureHeaders',
  'site_signatureNote',
  'sharedSchemas',
  'eventsPageTitle',
  'catalogVersion',
  'subscribeHeading',
  'subscribeWithApi',
  'subscribeWithoutApi',
  'event',
  'payloadHeading',
  'name',
] as const;

export type SiteMessageId = (typeof SITE_MESSAGE_IDS)[number];

/** The site's words in `locale` (a locale without a message file gets English ones). */
export type SiteLabels = { readonly [id in SiteMessageId]: string };

/** The site's words in `locale`, from `templates`' messages. */
export function siteLabels(templates: TemplateSet, locale: string): SiteLabels {
  const messages = pageMessages(templates, generalTags(locale));
  const labels = Object.fromEntries(SITE_MESSAGE_IDS.map((id) => [id, messages.text(id)])) as { [id in SiteMessageId]: string };
  // The language menu lists each locale by this name, and hides the current page's: a locale
  // whose messages come from another's file (`ar` from English's, `en-GB` from `en`'s) would be
  // listed by that one's name, and hidden with it.
  if (!Object.hasOwn(templates.messages[locale] ?? {}, 'languageName')) labels.languageName = nativeName(locale);
  return labels;
}

/** A locale's name in its own language (`ar` -> `العربية`, `zh-Hant-TW` -> `中文（台灣）`), else its tag. */
function nativeName(locale: string): string {
  try {
    const name = new Intl.DisplayNames([locale], { type: 'language' }).of(locale);
    return name === undefined || name === '' ? locale : name.charAt(0).toLocaleUpperCase(locale) + name.slice(1);
  } catch {
    return locale;
  }
}

/** `Version {version}` with its slots filled. */
export function fill(message: string, values: { readonly [slot: string]: string }): string {
  return message.replace(/\{([A-Za-z][A-Za-z0-9_]*)\}/g, (whole, slot: string) => (Object.hasOwn(values, slot) ? values[slot]! : whole));
}
