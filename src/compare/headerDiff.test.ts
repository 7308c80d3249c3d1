import { describe, expect, it } from 'vitest';
import { diffHeaders } from './headerDiff.ts';

describe('diffHeaders', () => {
  it('marks a changed value, an added and a removed header by name, case aside', () => {
    const rows = diffHeaders(
      [
        ['Content-Type', 'text/plain'],
        ['X-Old', '1'],
        ['content-length', '5'],
      ],
      [
        ['Content-Type', 'application/json'],
        ['Content-Length', '5'],
        ['X-New', '2'],
      ],
    );
    expect(rows).toEqual([
      { name: 'Content-Type', a: 'text/plain', b: 'application/json', change: 'changed' },
      { name: 'X-Old', a: '1', b: null, change: 'removed' },
      { name: 'Content-Length', a: '5', b: '5', change: 'same' },
      { name: 'X-New', a: null, b: '2', change: 'added' },
    ]);
  });

  it('keeps the values of a repeated header in order', () => {
    const rows = diffHeaders(
      [
        ['Set-Cookie', 'a=1'],
        ['Set-Cookie', 'b=2'],
      ],
      [
        ['Set-Cookie', 'a=1'],
        ['Set-Cookie', 'b=3'],
        ['Set-Cookie', 'c=4'],
      ],
    );
    expect(rows.map((row) => [row.a, row.b, row.change])).toEqual([
      ['a=1', 'a=1', 'same'],
      ['b=2', 'b=3', 'changed'],
      [null, 'c=4', 'added'],
    ]);
  });

  it('does not count a Date the clock moved on as a difference', () => {
    const [row] = diffHeaders(
      [['Date', 'Mon, 01 Dec 2026 10:00:00 GMT']],
      [['Date', 'Mon, 01 Dec 2026 10:00:07 GMT']],
    );
    expect(row).toMatchObject({ change: 'same', timeOnly: true });
  });
});
