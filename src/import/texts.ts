/** Texts an import writes: titles and descriptions within the catalog format's length limit. */
import { MAX_TEXT_LENGTH } from '../catalog/checks/refs.js';
import { isObject } from '../catalog/schema-walk.js';
import type { ImportProblems } from './problems.js';

/** Longest title made from a summary; a longer summary goes to the description. */
const MAX_TITLE_LENGTH = 120;

/** `text` within the length limit (cut with an ellipsis). */
export function shortText(text: string): string {
  return text.length <= MAX_TEXT_LENGTH ? text : `${text.slice(0, MAX_TEXT_LENGTH - 1)}…`;
}

/** `text` within the length limit, with HI107 at `at` when it had to be cut. */
export function shortenedText(text: string, problems: ImportProblems, at: string): string {
  if (text.length > MAX_TEXT_LENGTH) problems.warn('HI107', at, `${text.length} characters, more than ${MAX_TEXT_LENGTH}: shortened`);
  return shortText(text);
}

/** An operation's (or schema's) title and description: the summary (or title) when it is one
 * short line, else `fallback`; the description and any summary not used as the title. */
export function eventTexts(source: Record<string, unknown>, fallback: string, problems: ImportProblems, at: string): { title: string; description: string } {
  const text = (field: string): string | undefined =>
    isObject(source) && typeof source[field] === 'string' && source[field].trim() !== '' ? source[field].trim() : undefined;
  const summary = text('summary') ?? text('title');
  const asTitle = summary !== undefined && !summary.includes('\n') && summary.length <= MAX_TITLE_LENGTH;
  const title = asTitle ? summary : fallback;
  const description = [text('description'), asTitle ? undefined : summary].filter((t): t is string => t !== undefined).join('\n\n') || title;
  if (description.length > MAX_TEXT_LENGTH)
    problems.warn('HI107', `${at}/description`, `${description.length} characters, more than ${MAX_TEXT_LENGTH}: shortened`);
  return { title, description: shortText(description) };
}
