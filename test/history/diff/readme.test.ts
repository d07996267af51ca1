/** The README documents every diff rule, with the level the table gives it. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULES, rulesTable } from '../../../src/history/diff/rules.js';

describe('the README rule table', () => {
  it('is the rule table, row for row', () => {
    const readme = readFileSync('README.md', 'utf8');
    expect(readme).toContain(rulesTable());
    for (const [id, rule] of Object.entries(RULES)) expect(readme).toContain(`| \`${id}\` | ${rule.level} |`);
  });
});
