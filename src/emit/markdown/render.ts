/**
 * Compiling a `TemplateSet` on an isolated handlebars instance (`Handlebars.create()`):
 * our helpers and partials never leak into, or depend on, the global instance.
 */
import Handlebars from 'handlebars';

type CompileOptions = NonNullable<Parameters<typeof Handlebars.compile>[1]>;
import type { TemplateSet } from '../emitter.js';
import { registerHelpers } from './helpers.js';
import type { PageMessages } from './messages.js';
import type { PageTemplate } from './page.js';

export const PAGE_TEMPLATES: readonly PageTemplate[] = ['overview', 'events', 'event', 'subscriptions', 'changelog'];

export interface CompiledTemplates {
  render(template: PageTemplate, view: object, messages: PageMessages): string;
}

const compiled = new WeakMap<TemplateSet, CompiledTemplates>();

/** Strict: a name the view lacks is an error, not an empty string, so a typo in an
 * overriding template shows up at once (`trackIds` lets helpers name the argument).
 * `preventIndent`: a partial's lines are table rows, never indented. */
const COMPILE_OPTIONS = { strict: true, preventIndent: true, trackIds: true } as CompileOptions;

/** The compiled templates of `set` (compiled once per set). */
export function compileTemplates(set: TemplateSet): CompiledTemplates {
  const cached = compiled.get(set);
  if (cached !== undefined) return cached;
  const hb = Handlebars.create();
  registerHelpers(hb);
  for (const [name, source] of Object.entries(set.partials)) hb.registerPartial(name, hb.compile(source, COMPILE_OPTIONS));
  const pages = new Map<PageTemplate, Handlebars.TemplateDelegate>();
  for (const name of PAGE_TEMPLATES) {
    const source = set.pages[name];
    if (source === undefined) throw new Error(`page template "${name}" is missing from the templates`);
    pages.set(name, hb.compile(source, COMPILE_OPTIONS));
  }
  const result: CompiledTemplates = {
    render(template, view, messages) {
      const page = pages.get(template);
      if (page === undefined) throw new Error(`page template "${template}" is missing from the templates`);
      return page(view, { data: { messages } });
    },
  };
  compiled.set(set, result);
  return result;
}
