/**
 * HC351: pages made in a language that has no message file of its own are reported once per
 * locale, naming the file to add; locales served by a file of their language (es-419 by es.json)
 * are not. Checked through `generate`, as the CLI runs it.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generate, UsageError } from '../../src/generate.js';
import { loadTemplates } from '../../src/templates.js';
import { messageCoverage } from '../../src/messages/coverage.js';

const REPO = path.resolve(import.meta.dirname, '../..');
const CATALOG = path.join(REPO, 'test/fixtures/locales/catalog');
const scratch: string[] = [];

async function tempFolder(): Promise<string> {
  await mkdir(path.join(REPO, '.scratch'), { recursive: true });
  const dir = await mkdtemp(path.join(REPO, '.scratch', 'messages-'));
  scratch.push(dir);
  return dir;
}

afterAll(async () => {
  await Promise.all(scratch.map((dir) => rm(dir, { recursive: true, force: true })));
});

/** The HC351 warnings of a run: locale from the message, file relative to the project. */
async function warnings(options: { locale?: string[]; templates?: string; only?: string[] } = {}) {
  const out = path.join(await tempFolder(), 'out');
  const result = await generate({ catalogs: CATALOG, out, projectRoot: REPO, check: true, ...options });
  return result.diagnostics
    .filter((d) => d.code === 'HC351')
    .map((d) => ({ severity: d.severity, file: path.relative(REPO, path.resolve(d.file)), locale: /`([^`]+)`/.exec(d.message)?.[1] }));
}

describe('HC351: pages in a language without a message file', () => {
  it('warns once for each such locale and names the file to add in the project templates', async () => {
    expect(await warnings()).toEqual(
      ['ko', 'zh', 'zh-Hant', 'zh-Hant-TW'].map((locale) => ({ severity: 'warning', file: `templates/messages/${locale}.json`, locale })),
    );
  });

  it('warns only for the locales pages are made for', async () => {
    expect((await warnings({ locale: ['ko', 'es-419'] })).map((w) => w.locale)).toEqual(['ko']);
    expect(await warnings({ only: ['types'] })).toEqual([]);
  });

  it('reads --locale tags in their canonical form, and refuses what is no tag', async () => {
    expect((await warnings({ locale: ['zh-hant-tw'] })).map((w) => w.locale)).toEqual(['zh-Hant-TW']);
    await expect(warnings({ locale: ['en_US'] })).rejects.toBeInstanceOf(UsageError);
  });

  it('is silenced by a message file of the language in the templates folder, for every locale of it', async () => {
    const templates = await tempFolder();
    await mkdir(path.join(templates, 'messages'));
    await writeFile(path.join(templates, 'messages', 'zh.json'), JSON.stringify({ yes: '是', no: '否' }));
    const found = await warnings({ templates });
    expect(found.map((w) => w.locale)).toEqual(['ko']);
    expect(found[0]!.file).toBe(path.relative(REPO, path.join(templates, 'messages', 'ko.json')));
  });
});

describe('messageCoverage', () => {
  it('lists every id of en.json for a language without a file, none for a shipped one', async () => {
    const templates = await loadTemplates();
    const english = Object.keys(templates.messages['en']!);
    expect(messageCoverage(templates, 'ko')).toEqual({ locale: 'ko', files: [], missing: english });
    expect(messageCoverage(templates, 'de-AT')).toEqual({ locale: 'de-AT', files: ['de'], missing: [] });
    expect(messageCoverage(templates, 'ja')).toEqual({ locale: 'ja', files: ['ja'], missing: [] });
  });
});
