import { describe, expect, it } from 'vitest';
import { utf8OrNull, utf8OrThrow } from './bytes.ts';
import { plural } from './plural.ts';

describe('plural', () => {
  it('writes the count with its noun, singular only for one', () => {
    expect(plural(1, 'byte')).toBe('1 byte');
    expect(plural(0, 'event')).toBe('0 events');
    expect(plural(7000, 'event', (n) => n.toLocaleString('en'))).toBe('7,000 events');
  });
});

describe('strict UTF-8', () => {
  it('reads valid UTF-8 and refuses the rest', () => {
    const cafe = new Uint8Array([0x63, 0x61, 0x66, 0xc3, 0xa9]);
    expect(utf8OrThrow(cafe)).toBe('café');
    expect(utf8OrNull(cafe)).toBe('café');
    expect(utf8OrNull(new Uint8Array([0x63, 0xc3]))).toBeNull();
    expect(() => utf8OrThrow(new Uint8Array([0xff]))).toThrow(TypeError);
  });
});
