/**
 * Compiling a `TemplateSet` on an isolated handlebars instance (`Handlebars.create()`):
 * our helpers and partials never leak into, or depend on, the global instance.
 */
import Handlebars from 'handlebars';
import { UsageError } from '../../usage-error.js';

type CompileOptions = NonNullable<Parameters<typeof Handlebars.compile>[1]>;
import type { DescriptionFormat } from '../description/index.js';
import type { TemplateSet } from '../emitter.js';
import { registerHelpers } from './helpers.js';
import type { PageMessages } from './messages.js';
import type { PageTemplate } from './page.js';

export const PAGE_TEMPLATES: readonly PageTemplate[] = ['overview', 'events', 'event', 'subscriptions', 'changelog', 'schema'];

export interface CompiledTemplates {
  render(template: PageTemplate, view: object, messages: PageMessages, descriptions: DescriptionFormat | undefined): string;
}

/** Strict: a name the view lacks is an error, not an empty string, so a typo in an
 * overriding template shows up at once (`trackIds` lets helpers name the argument).
 * `preventIndent`: a partial's lines are table rows, never indented. */
const COMPILE_OPTIONS = { strict: true, preventIndent: true, trackIds: true } as CompileOptions;

/** The templates of `set` on a handlebars instance of their own (each compiles when first used). */
export function compileTemplates(set: TemplateSet): CompiledTemplates {
  const hb = Handlebars.create();
  registerHelpers(hb);
  for (const [name, source] of Object.entries(set.partials)) hb.registerPartial(name, hb.compile(source, COMPILE_OPTIONS));
  const pages = new Map<PageTemplate, Handlebars.TemplateDelegate>();
  for (const name of PAGE_TEMPLATES) {
    const source = set.pages[name];
    if (source === undefined) throw new Error(`page template "${name}" is missing from the templates`);
    pages.set(name, hb.compile(source, COMPILE_OPTIONS));
  }
  return {
    render(template, view, messages, descriptions) {
      const page = pages.get(template);
      if (page === undefined) throw new Error(`page template "${template}" is missing from the templates`);
      try {
        return page(view, { data: { messages, descriptions } });
      } catch (error) {
        // A template of the user's own (a syntax error, a partial or a name it lacks) is their mistake to fix, not ours.
        if (set.normalize === undefined || !(error instanceof Error)) throw error;
        throw new UsageError(`the templates of --templates cannot render the ${template} page: ${error.message.split('\n').join(' ')}`);
      }
    },
  };
}
