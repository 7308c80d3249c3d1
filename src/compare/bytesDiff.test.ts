import { describe, expect, it } from 'vitest';
import { diffBytes, hexLines, MAX_DIFF_LINES } from './bytesDiff.ts';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('diffBytes', () => {
  it('compares UTF-8 as text lines, an edited line beside its old self', () => {
    const diff = diffBytes(
      bytes('HTTP/1.1 200 OK\r\nA: 1\r\n\r\nhi'),
      bytes('HTTP/1.1 200 OK\r\nA: 2\r\n\r\nhi'),
    );
    expect(diff.mode).toBe('text');
    expect(diff.identical).toBe(false);
    expect(diff.rows.map((row) => row.change)).toEqual(['same', 'changed', 'same', 'same']);
    expect(diff.rows[1]).toMatchObject({ a: 'A: 1\r\n', b: 'A: 2\r\n' });
  });

  it('lines up two Date headers as the same', () => {
    const diff = diffBytes(bytes('Date: Mon\r\nX: 1\r\n'), bytes('Date: Tue\r\nX: 1\r\n'));
    expect(diff.rows.map((row) => row.change)).toEqual(['same', 'same']);
    expect(diff.identical).toBe(false);
    expect(diff.rows[0]).toMatchObject({ a: 'Date: Mon\r\n', b: 'Date: Tue\r\n' });
  });

  it('falls back to hex lines when a side is not UTF-8', () => {
    const diff = diffBytes(new Uint8Array([0xff, 0x00]), bytes('ok'));
    expect(diff.mode).toBe('hex');
    expect(diff.rows).toEqual([
      {
        change: 'changed',
        a: hexLines(new Uint8Array([0xff, 0x00]))[0],
        b: hexLines(bytes('ok'))[0],
      },
    ]);
    expect(hexLines(bytes('0123456789abcdefX'))).toEqual([
      '00000000  30 31 32 33 34 35 36 37 38 39 61 62 63 64 65 66  0123456789abcdef',
      '00000010  58                                               X',
    ]);
  });

  it('says when it compared only the first lines', () => {
    const many = bytes('x\n'.repeat(MAX_DIFF_LINES + 1));
    const diff = diffBytes(many, many);
    expect(diff.cut).toBe(true);
    expect(diff.identical).toBe(true);
    expect(diff.rows).toHaveLength(MAX_DIFF_LINES);
  });
});
