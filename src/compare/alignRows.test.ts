import { describe, expect, it } from 'vitest';
import { alignRows, countChanges } from './alignRows.ts';

const same = (x: string, y: string) => x === y;
const firstLetter = (x: string, y: string) => x[0] === y[0];

describe('alignRows', () => {
  it('lines up an inserted item with a gap on the other side', () => {
    const rows = alignRows(['a1', 'c1'], ['a1', 'b1', 'c1'], { slot: same, equal: same });
    expect(rows.map((row) => [row.change, row.a ?? null, row.b ?? null])).toEqual([
      ['same', 'a1', 'a1'],
      ['added', null, 'b1'],
      ['same', 'c1', 'c1'],
    ]);
  });

  it('puts items of one slot on one row, changed when they differ', () => {
    const rows = alignRows(['a1', 'b1', 'c1'], ['a1', 'b2', 'c1'], {
      slot: firstLetter,
      equal: same,
    });
    expect(rows.map((row) => row.change)).toEqual(['same', 'changed', 'same']);
    expect(rows[1]).toMatchObject({ a: 'b1', b: 'b2' });
  });

  it('keeps removed and added apart unless asked to pair them', () => {
    const apart = alignRows(['x', 'y'], ['x', 'z'], { slot: same, equal: same });
    expect(apart.map((row) => row.change)).toEqual(['same', 'removed', 'added']);
    const paired = alignRows(['x', 'y', 'w'], ['x', 'z'], {
      slot: same,
      equal: same,
      pairRuns: true,
    });
    expect(paired.map((row) => [row.change, row.a ?? null, row.b ?? null])).toEqual([
      ['same', 'x', 'x'],
      ['changed', 'y', 'z'],
      ['removed', 'w', null],
    ]);
  });

  it('keeps every item of both sides, in order', () => {
    const a = ['k', 'a', 'b', 'k', 'c', 'd'];
    const b = ['a', 'x', 'k', 'c', 'y', 'd', 'k'];
    const rows = alignRows(a, b, { slot: same, equal: same, pairRuns: true });
    expect(rows.flatMap((row) => (row.a === undefined ? [] : [row.a]))).toEqual(a);
    expect(rows.flatMap((row) => (row.b === undefined ? [] : [row.b]))).toEqual(b);
    expect(countChanges(rows).same).toBe(4); // a, k, c, d: the longest common subsequence
  });

  it('compares nothing with something', () => {
    expect(alignRows([], ['a'], { slot: same, equal: same })).toEqual([
      { change: 'added', b: 'a' },
    ]);
    expect(alignRows([], [], { slot: same, equal: same })).toEqual([]);
  });
});
