import { describe, expect, it } from 'vitest';
import { hexRows } from './hexDump.ts';

describe('hexRows', () => {
  it('shows offset, hex and ASCII, with dots for what is not printable', () => {
    expect(hexRows(new TextEncoder().encode('Hi\n'))).toEqual([
      { offset: '00000000', hex: '48 69 0a', ascii: 'Hi.' },
    ]);
  });

  it('puts sixteen bytes on a row, with a gap after the eighth', () => {
    const bytes = Uint8Array.from({ length: 20 }, (_, i) => 0x41 + i);
    const rows = hexRows(bytes);
    expect(rows).toHaveLength(2);
    expect(rows[0]?.hex).toBe('41 42 43 44 45 46 47 48  49 4a 4b 4c 4d 4e 4f 50');
    expect(rows[1]).toEqual({ offset: '00000010', hex: '51 52 53 54', ascii: 'QRST' });
  });

  it('covers only the range asked for, from a row boundary', () => {
    const bytes = new Uint8Array(64).fill(0xff);
    expect(hexRows(bytes, 20, 40).map((row) => row.offset)).toEqual(['00000010', '00000020']);
    expect(hexRows(bytes, 0, 0)).toEqual([]);
  });
});
