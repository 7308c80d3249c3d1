import { describe, expect, it } from 'vitest';
import { toBase64 } from './bytes.ts';
import { decodeEventTimes, timeIsInterpolated } from './eventTimes.ts';

/** Clock readings as the packing carries them: little-endian int64s in base64. */
function timesNs(ns: number[]): string {
  return toBase64(new Uint8Array(new BigInt64Array(ns.map((n) => BigInt(n))).buffer));
}

const STARTED = 2 ** 40 * 1000; // a reading past 2^32, as an uptime in nanoseconds is

describe('decodeEventTimes', () => {
  it('gives milliseconds since the start, floored to the microsecond', () => {
    const times = decodeEventTimes(
      STARTED + 400,
      timesNs([10_999, 15_000].map((n) => STARTED + n)),
      2,
    );
    expect(times && [...times.ms]).toEqual([0.01, 0.015]);
    expect(times?.interpolated).toEqual([]);
  });

  it('stamps 0 what came before the server took the request (printed while loading)', () => {
    const ns = [-5_000, 0, 2_000].map((n) => STARTED + n * 1000);
    const times = decodeEventTimes(STARTED, timesNs(ns), ns.length);
    expect(times && [...times.ms]).toEqual([0, 0, 2]);
  });

  it('interpolates the readings that were skipped and lists them', () => {
    const ns = [1_000, 0, 0, 4_000, 5_000, 0, 9_000].map((n) => (n ? STARTED + n * 1000 : 0));
    const times = decodeEventTimes(STARTED, timesNs(ns), ns.length);
    expect(times && [...times.ms]).toEqual([1, 2, 3, 4, 5, 7, 9]);
    expect(times?.interpolated).toEqual([1, 3, 5, 6]);
  });

  it('floors interpolated readings as Python does', () => {
    const times = decodeEventTimes(0, timesNs([1_000, 0, 0, 2_000]), 4);
    // 1000 + 1000 * 1 // 3 = 1333 ns, 1000 + 1000 * 2 // 3 = 1666 ns: both 1 µs.
    expect(times && [...times.ms]).toEqual([0.001, 0.001, 0.001, 0.002]);
  });

  it.each([
    ['not base64', '!!', 1],
    ['the wrong length', timesNs([1, 2]), 3],
    ['a negative reading', timesNs([1, -5, 3]), 3],
    ['a reading beyond 2^53', timesNs([1, 2 ** 60, 3]), 3],
    ['a first event not read', timesNs([0, 2, 3]), 3],
    ['a last event not read', timesNs([1, 2, 0]), 3],
  ])('rejects %s', (_, text, length) => {
    expect(decodeEventTimes(0, text, length)).toBeNull();
  });
});

describe('timeIsInterpolated', () => {
  it('finds a seq inside the [first, end) ranges only', () => {
    const ranges = [1, 3, 5, 6, 10, 20];
    const inside = Array.from({ length: 22 }, (_, seq) => seq).filter((seq) =>
      timeIsInterpolated(ranges, seq),
    );
    expect(inside).toEqual([1, 2, 5, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19]);
    expect(timeIsInterpolated(undefined, 1)).toBe(false);
  });
});
