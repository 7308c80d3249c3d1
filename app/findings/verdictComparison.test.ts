import { describe, expect, it } from 'vitest';
import { PEP_SECTIONS, type Finding } from '../../src/index.ts';
import { ruleById } from '../../src/rules/index.ts';
import { checkOfMessage, compareVerdicts } from './verdictComparison.ts';

const finding = (rule: string, severity: Finding['severity'] = 'error'): Finding => ({
  rule,
  severity,
  message: rule,
  pep: PEP_SECTIONS.startResponse,
});
const passed = { passed: true, errors: [], warnings: [] };
const failed = (...errors: string[]) => ({ passed: false, errors, warnings: [] });

describe('checkOfMessage', () => {
  it('knows the checks behind validate’s messages, bare asserts included', () => {
    expect(checkOfMessage("Status must be of type str (got b'200 OK')")?.rules).toContain(
      'status-not-str',
    );
    expect(checkOfMessage('read: assert_(len(args) == 1)')?.status).toBe('different');
    expect(checkOfMessage('No Content-Type header found in headers ([])')?.rules).toEqual([
      'missing-content-type',
    ]);
    expect(checkOfMessage('something validate never says')).toBeUndefined();
  });
});

describe('compareVerdicts', () => {
  it('agrees when neither side finds an error (warnings and notes do not fail)', () => {
    const result = compareVerdicts([finding('status-header', 'info')], passed);
    expect(result.agreement).toBe('both-pass');
    expect(result.points).toEqual([]);
  });

  it('pairs validate’s error with the rule that reports the same thing', () => {
    const result = compareVerdicts(
      [finding('status-not-str')],
      failed("Status must be of type str (got b'200 OK')"),
    );
    expect(result.agreement).toBe('both-fail');
    expect(result.points).toEqual([
      {
        by: 'both',
        subject: "Status must be of type str (got b'200 OK')",
        why: `Ours: ${ruleById('status-not-str')?.title}.`,
      },
    ]);
  });

  it('explains where validate is stricter than PEP 3333', () => {
    const result = compareVerdicts([], failed('read: assert_(len(args) == 1)'));
    expect(result.agreement).toBe('validate-only');
    expect(result.points[0]?.by).toBe('validate');
    expect(result.points[0]?.why).toContain('without an argument');
  });

  it('counts our note about the same thing as "allowed", not as agreement', () => {
    const result = compareVerdicts(
      [finding('empty-yield-before-start-response', 'info')],
      failed(
        'The application returns and we started iterating over its body, but start_response has not yet been called',
      ),
    );
    expect(result.agreement).toBe('validate-only');
    expect(result.points).toHaveLength(1);
    expect(result.points[0]?.why).toContain('PEP 3333 allows');
  });

  it('says why validate misses what our rules report', () => {
    const result = compareVerdicts(
      [
        finding('made-up-rule', 'warning'),
        finding('hop-by-hop-header'),
        finding('hop-by-hop-header'),
      ],
      passed,
    );
    expect(result.agreement).toBe('ours-only');
    expect(result.points.map((point) => [point.by, point.subject])).toEqual([
      ['ours', 'Hop-by-hop header'],
      ['ours', 'made-up-rule'],
    ]);
    expect(result.points[0]?.why).toContain('validate does not look for them');
    expect(result.points[1]?.why).toBe('validate does not report it.');
  });

  it('has no counterpart for a message it does not know', () => {
    const result = compareVerdicts([finding('content-length-mismatch')], failed('odd message'));
    expect(result.agreement).toBe('both-fail');
    expect(result.points.map((point) => point.by)).toEqual(['validate', 'ours']);
    expect(result.points[0]?.why).toBe('Our rules have no counterpart for this.');
  });
});
