import { describe, expect, it } from 'vitest';
import { nextPosition } from './listNavigation.ts';

describe('nextPosition', () => {
  it('steps, jumps to the ends and pages, staying inside the list', () => {
    expect(nextPosition('ArrowDown', 3, 10, 5)).toBe(4);
    expect(nextPosition('ArrowDown', 9, 10, 5)).toBe(9);
    expect(nextPosition('ArrowUp', 0, 10, 5)).toBe(0);
    expect(nextPosition('Home', 7, 10, 5)).toBe(0);
    expect(nextPosition('End', 2, 100_000, 5)).toBe(99_999);
    expect(nextPosition('PageDown', 2, 10, 5)).toBe(6);
    expect(nextPosition('PageDown', 8, 10, 5)).toBe(9);
    expect(nextPosition('PageUp', 6, 10, 5)).toBe(2);
    expect(nextPosition('PageUp', 1, 10, 5)).toBe(0);
  });

  it('starts from the matching end when nothing is selected, and ignores other keys', () => {
    expect(nextPosition('ArrowDown', -1, 10, 5)).toBe(0);
    expect(nextPosition('ArrowUp', -1, 10, 5)).toBe(9);
    expect(nextPosition('x', 4, 10, 5)).toBe(4);
    expect(nextPosition('End', -1, 0, 5)).toBe(-1);
    // A one-row page still moves.
    expect(nextPosition('PageDown', 0, 10, 1)).toBe(1);
  });
});
