import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { describe, expect, it } from 'vitest';
import { RULES } from './index.ts';
import { renderRulesDoc } from './rulesDoc.ts';
import { BEYOND_VALIDATE, VALIDATE_CHECKS } from './validateMapping.ts';

const DOC = join(import.meta.dirname, '..', '..', 'docs', 'rules.md');

describe('docs/rules.md', () => {
  it('is the text generated from the rules (UPDATE_DOCS=1 rewrites it)', async () => {
    const options = (await resolveConfig(DOC)) ?? {};
    const generated = await format(renderRulesDoc(), { ...options, parser: 'markdown' });
    if (process.env.UPDATE_DOCS === '1') writeFileSync(DOC, generated);
    let current = '';
    try {
      current = readFileSync(DOC, 'utf8');
    } catch {
      // missing: fails below
    }
    expect(
      current,
      'docs/rules.md is stale: run UPDATE_DOCS=1 npx vitest run src/rules/rulesDoc.test.ts',
    ).toBe(generated);
  });

  it('lists every rule with its PEP quote and hint', () => {
    const text = renderRulesDoc();
    for (const rule of RULES) {
      expect(text).toContain(`### ${rule.id}\n`);
      expect(text).toContain(rule.pepQuote);
      expect(text).toContain(rule.hint);
    }
  });

  it('maps wsgiref.validate checks only to rules that exist, and explains every difference', () => {
    const ids = new Set(RULES.map((rule) => rule.id));
    for (const check of VALIDATE_CHECKS) {
      for (const rule of check.rules) expect(ids.has(rule), rule).toBe(true);
      if (check.status === 'covered') expect(check.rules.length, check.check).toBeGreaterThan(0);
      else expect(check.note, check.check).not.toBe('');
    }
    for (const { rule } of BEYOND_VALIDATE) expect(ids.has(rule), rule).toBe(true);
  });
});
