import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Trace } from '../trace/schema.ts';
import { BODY_CASES } from './cases/bodyCases.ts';
import { FLOW_CASES } from './cases/flowCases.ts';
import { HEADER_CASES } from './cases/headerCases.ts';
import { SERVER_CASES } from './cases/serverCases.ts';
import { RULES, runRules } from './index.ts';
import { PEP_SECTIONS } from './pep.ts';

const camel = (id: string): string => id.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());

describe('the rule list', () => {
  it('has unique kebab-case ids, each in a camelCase file of its own', () => {
    const ids = RULES.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) {
      expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(existsSync(join(import.meta.dirname, `${camel(id)}.ts`)), id).toBe(true);
    }
  });

  it('gives every rule a title, a PEP quote, a section link and a hint', () => {
    const sections = Object.values(PEP_SECTIONS) as string[];
    for (const rule of RULES) {
      expect(sections, rule.id).toContain(rule.pepUrl);
      for (const text of [rule.title, rule.detects, rule.pepQuote, rule.hint]) {
        expect(text.length, rule.id).toBeGreaterThan(10);
      }
    }
  });

  it('has a triggering and a clean test app for every rule', () => {
    const cased = [...HEADER_CASES, ...FLOW_CASES, ...BODY_CASES, ...SERVER_CASES]
      .map((c) => c.rule)
      .sort();
    expect(cased).toEqual(RULES.map((rule) => rule.id).sort());
  });

  it('sorts findings by event, those without one last', () => {
    const base = { seq: 0, t: 0, actor: 'app', status: '200 OK', statusType: 'str' };
    const start = (seq: number, status: string, statusType = 'str') => ({
      ...base,
      seq,
      line: seq + 1,
      kind: 'start_response' as const,
      status,
      statusType,
      excInfo: null,
      headersSent: false,
      headersType: 'list',
      headers: [],
    });
    const trace = {
      events: [start(0, '200 OK'), start(3, "b'200 OK'", 'bytes'), start(1, 'OK')],
      environ: [],
      request: { method: 'GET', target: '/', headers: [], bodyBase64: '' },
      response: { status: null, headers: [], bodyBase64: '', bodySize: 0 },
    } as unknown as Trace;
    const findings = runRules(trace);
    expect(findings.map((f) => [f.seq, f.rule])).toEqual([
      [1, 'status-format'],
      [1, 'start-response-twice'],
      [3, 'status-not-str'],
      [3, 'start-response-twice'],
    ]);
  });
});
