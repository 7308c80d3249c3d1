import { describe, expect, it } from 'vitest';
import type { Finding } from '../rules/types.ts';
import { diffFindings } from './findingsDiff.ts';

const finding = (rule: string, message: string, seq?: number): Finding => ({
  rule,
  severity: 'warning',
  message,
  pep: 'https://peps.python.org/pep-3333/',
  ...(seq === undefined ? {} : { seq }),
});

describe('diffFindings', () => {
  it('says which findings appeared, went away and stayed (where they point aside)', () => {
    const result = diffFindings(
      [finding('a', 'one', 1), finding('b', 'two'), finding('b', 'two')],
      [finding('a', 'one', 5), finding('b', 'two'), finding('c', 'three')],
    );
    expect(result.kept.map((f) => f.rule)).toEqual(['a', 'b']);
    expect(result.appeared.map((f) => f.rule)).toEqual(['c']);
    expect(result.gone.map((f) => f.rule)).toEqual(['b']);
  });

  it('counts another message of the same rule as another finding', () => {
    const result = diffFindings([finding('a', 'one')], [finding('a', 'other')]);
    expect(result.gone).toHaveLength(1);
    expect(result.appeared).toHaveLength(1);
  });
});
