/**
 * The package's README, in the catalog's source locale: the catalog's title and description,
 * how to install and receive (a Node `http` receiver), the signature, and every event. Fixed
 * words come from the page messages; catalog text is escaped for markdown, in the pages' canonical form.
 */
import { fallbackChain } from '../../locale/tags.js';
import { signatureAlgorithmName, signatureHeaderOf } from '../../model/signature-headers.js';
import { textIn } from '../../model/query.js';
import type { Catalog } from '../../model/types.js';
import type { TemplateSet } from '../emitter.js';
import { codeSpan, fencedCode, inlineText, literal, paragraphText } from '../markdown/escape.js';
import { messageParts, pageMessages } from '../markdown/messages.js';
import { tsString } from '../typescript/literal.js';
import { packageInfoOf } from './manifest.js';

/** `message` with its `{slot}`s filled from `values` (already markdown). */
function fill(message: string, values: Readonly<Record<string, string>>): string {
  return messageParts(message)
    .map((part) => ('slot' in part ? (values[part.slot] ?? '') : literal(part.literal)))
    .join('');
}

/** A receiver of the catalog in a few lines, with the package's own name. */
function receiverExample(catalog: Catalog, name: string): string {
  const first = catalog.events[0];
  const { typeField } = catalog.envelope;
  const field = /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(typeField) ? `.${typeField}` : `[${tsString(typeField)}]`;
  const handlers = first === undefined ? '' : `    ${tsString(first.key)}: (event) => console.log(event${field}),\n`;
  return [
    "import http from 'node:http';",
    `import { createReceiver, nodeListener } from ${tsString(name)};`,
    '',
    'const receive = createReceiver({',
    ...(catalog.envelope.signature === undefined ? [] : ["  secret: process.env['WEBHOOK_SECRET'],"]),
    `  handlers: {\n${handlers}  },`,
    '});',
    'http.createServer(nodeListener(receive)).listen(3000);',
  ].join('\n');
}

/** The text of `README.md`. */
export function packageReadme(catalog: Catalog, templates: TemplateSet): string {
  const locale = catalog.sourceLocale;
  const t = pageMessages(templates, fallbackChain(locale, catalog.fallbackLocale, catalog.sourceLocale));
  const info = packageInfoOf(catalog);
  const text = (value: Parameters<typeof textIn>[0]): string => textIn(value, locale);
  const blocks = [
    `# ${inlineText(text(catalog.title))}`,
    paragraphText(text(catalog.description)),
    fill(t.text('catalogVersion'), { version: codeSpan(catalog.version, false) }),
    fencedCode(`npm install ${info.name}`, 'sh'),
    fencedCode(receiverExample(catalog, info.name), 'ts'),
  ];
  const signature = catalog.envelope.signature;
  if (signature !== undefined) {
    blocks.push(
      `## ${inlineText(t.text('signatureHeading'))}`,
      fill(t.text('signatureText'), { header: codeSpan(signatureHeaderOf(signature), false), algorithm: codeSpan(signatureAlgorithmName(signature), false) }),
      paragraphText(text(signature.description)),
    );
  }
  const rows = catalog.events.map((event) => `| ${codeSpan(event.key, true)} | ${inlineText(text(event.title))} |`);
  blocks.push(
    `## ${inlineText(t.text('eventsPageTitle'))}`,
    [`| ${inlineText(t.text('key'))} | ${inlineText(t.text('event'))} |`, '| --- | --- |', ...rows].join('\n'),
  );
  return `${blocks.filter((block) => block !== '').join('\n\n')}\n`;
}
