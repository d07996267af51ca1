/** What the docs site test reads from a page in Chromium: what the catalog's hostile text may
 * have done to the document, and the values of the <head>. Each probe runs in the page. */
import type { Page } from 'playwright-core';

/** The global every payload in the hostile catalog tries to set. */
export const PWNED_GLOBAL = '__hookcat_pwned';

export interface Harm {
  /** The global's value: undefined unless a payload ran. */
  readonly pwned: unknown;
  /** Event handler attributes, script-like link targets, elements made from catalog text. */
  readonly injected: readonly string[];
}

/** Whether a payload ran, and any element or attribute the catalog text may have made. */
export async function harmDone(page: Page): Promise<Harm> {
  return page.evaluate((global) => {
    const injected: string[] = [];
    for (const element of document.querySelectorAll('*')) {
      for (const attribute of element.attributes) {
        const where = `<${element.tagName.toLowerCase()} ${attribute.name}="${attribute.value.slice(0, 60)}">`;
        if (/^on/i.test(attribute.name)) injected.push(`handler ${where}`);
        if (/^(href|src|action|formaction|xlink:href|srcdoc)$/i.test(attribute.name) && /^\s*(javascript|data|vbscript|file):/i.test(attribute.value))
          injected.push(`link ${where}`);
        if (/^(href|src)$/i.test(attribute.name) && /evil\.example/i.test(attribute.value)) injected.push(`link ${where}`);
      }
    }
    const content = '.vp-doc, .VPSidebar, .VPNav, .VPLocalNav, .VPDocFooter, .VPLocalSearchBox .results';
    for (const tag of ['img', 'svg', 'style', 'script', 'iframe', 'object', 'embed', 'form', 'input'])
      for (const element of document.querySelectorAll(`:is(${content}) ${tag}`)) injected.push(`element ${element.outerHTML.slice(0, 80)}`);
    return { pwned: (window as unknown as Record<string, unknown>)[global], injected };
  }, PWNED_GLOBAL);
}

export interface Head {
  readonly title: string;
  /** Every <meta>, as `name or property` -> content. */
  readonly meta: Readonly<Record<string, string | null>>;
}

/** The document title and every <meta> of the page, as the DOM holds them now. */
export async function headOf(page: Page): Promise<Head> {
  return page.evaluate(() => {
    const meta: Record<string, string | null> = {};
    for (const element of document.head.querySelectorAll('meta')) {
      const key = element.getAttribute('name') ?? element.getAttribute('property') ?? element.getAttribute('charset') ?? '?';
      if (key !== 'utf-8') meta[key] = element.getAttribute('content');
    }
    return { title: document.title, meta };
  });
}

/** The texts of the sidebar items, the nav links and the language menu. */
export async function chromeTexts(page: Page): Promise<{ sidebar: string[]; nav: string[]; languages: string[] }> {
  return page.evaluate(() => {
    const texts = (selector: string) => [...document.querySelectorAll(selector)].map((e) => (e.textContent ?? '').trim());
    return {
      sidebar: texts('.VPSidebar .VPSidebarItem .text'),
      nav: texts('.VPNavBarMenu .VPNavBarMenuLink'),
      languages: texts('.VPNavBarTranslations .VPMenuLink'),
    };
  });
}
