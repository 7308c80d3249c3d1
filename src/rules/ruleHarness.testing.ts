/** Runs rule cases through the real Node engine (shared by the rule test files). */
import { beforeAll, describe, expect, it } from 'vitest';
import { createNodeEngine, type NodeEngine } from '../runtime/nodeEngine.ts';
import { buildWheel } from '../packages/buildWheel.testing.ts';
import { textToBase64 } from '../trace/bytes.ts';
import type { Trace } from '../trace/schema.ts';
import type { CaseApp, RuleCase } from './cases/ruleCase.ts';
import { runRules } from './index.ts';
import type { Finding } from './types.ts';

/** Run one case app and return its trace and findings. */
export async function runCase(
  engine: NodeEngine,
  caseApp: CaseApp,
): Promise<{ trace: Trace; findings: Finding[] }> {
  const headers: [string, string][] = [['Host', 'localhost'], ...(caseApp.headers ?? [])];
  const trace = await engine.run({
    code: caseApp.code,
    request: {
      method: caseApp.method ?? 'GET',
      target: caseApp.target ?? '/',
      headers,
      bodyBase64: textToBase64(caseApp.body ?? ''),
    },
    ...(caseApp.settings ? { settings: caseApp.settings } : {}),
    ...(caseApp.wheels ? { wheels: caseApp.wheels.map(buildWheel) } : {}),
  });
  return { trace, findings: runRules(trace) };
}

/** One describe block per rule: its trigger app finds it, its clean app has no findings. */
export function describeRuleCases(title: string, cases: RuleCase[]): void {
  let engine: NodeEngine;
  beforeAll(async () => {
    engine = await createNodeEngine();
  });
  describe(title, () => {
    for (const { rule, trigger, clean } of cases) {
      describe(rule, () => {
        it('is found in an app that breaks it, at the app line', async () => {
          const { findings } = await runCase(engine, trigger);
          const found = findings.filter((finding) => finding.rule === rule);
          expect(found.length, JSON.stringify(findings, null, 2)).toBeGreaterThan(0);
          for (const finding of found) {
            expect(finding.message).not.toBe('');
            expect(finding.pep).toMatch(/^https:\/\/peps\.python\.org\/pep-3333\/#[a-z-]+$/);
            expect(finding.line, finding.message).toBeGreaterThan(0);
          }
        });
        it('is not found in a clean app (which has no findings at all)', async () => {
          const { findings } = await runCase(engine, clean);
          expect(findings).toEqual([]);
        });
      });
    }
  });
}
