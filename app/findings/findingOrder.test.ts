import { describe, expect, it } from 'vitest';
import { PEP_SECTIONS, type Finding } from '../../src/index.ts';
import { countWords, findingsBySeq, sortFindings, worstSeverity } from './findingOrder.ts';

const finding = (rule: string, severity: Finding['severity'], seq?: number): Finding => ({
  rule,
  severity,
  message: rule,
  pep: PEP_SECTIONS.startResponse,
  ...(seq === undefined ? {} : { seq }),
});

describe('findings order', () => {
  const list = [
    finding('late-info', 'info', 1),
    finding('no-event-error', 'error'),
    finding('warn', 'warning', 2),
    finding('early-error', 'error', 5),
    finding('first-error', 'error', 3),
  ];

  it('puts errors first, then warnings, then info; within each, by event', () => {
    expect(sortFindings(list).map((f) => f.rule)).toEqual([
      'first-error',
      'early-error',
      'no-event-error',
      'warn',
      'late-info',
    ]);
  });

  it('counts in words and finds the worst severity', () => {
    expect(countWords(list)).toBe('3 errors, 1 warning, 1 note');
    expect(countWords([])).toBe('no findings');
    expect(worstSeverity(list.slice(2, 3))).toBe('warning');
    expect(worstSeverity([])).toBeUndefined();
  });

  it('groups by event, most serious first, leaving out findings without one', () => {
    const bySeq = findingsBySeq([...list, finding('also-3', 'warning', 3)]);
    expect([...bySeq.keys()].sort()).toEqual([1, 2, 3, 5]);
    expect(bySeq.get(3)?.map((f) => f.rule)).toEqual(['first-error', 'also-3']);
  });
});
