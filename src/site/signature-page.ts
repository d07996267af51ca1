/** The page on checking a catalog's signatures, in one locale: the scheme in words and a function that checks it (`signature-sample.ts`). */
import { codeSpan, fencedCode, literal } from '../emit/markdown/escape.js';
import { signatureAlgorithmName, signatureHeadersOf } from '../model/signature-headers.js';
import type { SignatureScheme } from '../model/types.js';
import type { SiteLabels } from './labels.js';
import { signatureSample } from './signature-sample.js';
import { messageMarkdown, sitePageHead } from './site-page.js';

/** `signatures.md` of a catalog signed under `scheme`. */
export function signaturePage(scheme: SignatureScheme, catalogId: string, locale: string, labels: SiteLabels, order: number): string {
  const head = sitePageHead({ title: labels.site_signatureTitle, description: '', catalog: catalogId, locale, page: 'signatures', order });
  const headers = signatureHeadersOf(scheme)
    .map((name) => codeSpan(name, false))
    .join(', ');
  const parts = [
    `# ${literal(labels.site_signatureTitle)}`,
    messageMarkdown(labels.site_signatureIntro, { algorithm: codeSpan(signatureAlgorithmName(scheme), false) }),
    fencedCode(signatureSample(scheme), 'ts'),
    messageMarkdown(labels.site_signatureHeaders, { headers }),
    literal(labels.site_signatureNote),
  ];
  return `${head}\n${parts.join('\n\n')}\n`;
}
