/** `hookcat messages missing <locale>`: the ids a locale's message files lack, and the exit code. */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadTemplates } from '../../src/templates.js';
import { runCli } from '../history/run-cli.js';

const temps: string[] = [];
afterAll(async () => {
  await Promise.all(temps.map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('hookcat messages missing', () => {
  it('lists every id with its English text for a language without a file, and exits 1', async () => {
    const english = (await loadTemplates()).messages['en']!;
    const run = await runCli('messages', 'missing', 'ko');
    expect(run.code).toBe(1);
    expect(run.stdout.trimEnd().split('\n')).toEqual(Object.entries(english).map(([id, text]) => `${id}\t${text}`));
    expect(run.stderr).toContain('add them to templates/messages/ko.json');
  });

  it('lists nothing and exits 0 for a locale served by a file of its language', async () => {
    for (const locale of ['de', 'es-419', 'ja', 'fr', 'et', 'pl']) {
      const run = await runCli('messages', 'missing', locale);
      expect({ locale, code: run.code, stdout: run.stdout }).toEqual({ locale, code: 0, stdout: '' });
    }
  });

  it('reads the file of a --templates folder, and canonicalizes the tag', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'hookcat-messages-'));
    temps.push(dir);
    await mkdir(path.join(dir, 'messages'));
    const english = (await loadTemplates()).messages['en']!;
    const ids = Object.keys(english);
    await writeFile(path.join(dir, 'messages', 'zh-Hant.json'), JSON.stringify(Object.fromEntries(ids.slice(2).map((id) => [id, `「${id}」`]))));
    const run = await runCli('messages', 'missing', 'zh-hant-tw', '--templates', dir, '--format', 'json');
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toMatchObject({ locale: 'zh-Hant-TW', files: ['zh-Hant'], missing: ids.slice(0, 2).map((id) => ({ id, en: english[id] })) });
  });

  it('refuses a tag that is not a language tag (exit 2)', async () => {
    expect((await runCli('messages', 'missing', '../x')).code).toBe(2);
  });
});
