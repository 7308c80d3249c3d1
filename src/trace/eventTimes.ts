/**
 * The events' times as the packed Trace carries them (`Recorder.packed_events`): each event's
 * clock reading in nanoseconds, little-endian int64s in base64, 0 where the server did not
 * read the clock. In a stream of chunks faster than a clock reading (a call out of
 * WebAssembly), the server reads it for every 16th chunk only (`recorder.PACE`); the times
 * between are interpolated here, and the Trace lists them (`interpolatedTimes`).
 */
import { fromBase64 } from './bytes.ts';

/** Decoded times: milliseconds since the server took the request, and the interpolated ones. */
export interface EventTimes {
  /** Each event's time since the server took the request, to the microsecond (as Python's
   * `Recorder.ms` counts). */
  ms: Float64Array;
  /** The events whose time was interpolated, as flat `[first, end)` seq pairs. */
  interpolated: number[];
}

function readNs(timesNs: string, length: number): Float64Array | null {
  let bytes: Uint8Array;
  try {
    bytes = fromBase64(timesNs);
  } catch {
    return null;
  }
  if (bytes.length !== length * 8) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const ns = new Float64Array(length);
  for (let seq = 0; seq < length; seq++) {
    // Exact below 2^53 ns (104 days of uptime), without BigInt arithmetic.
    const high = view.getInt32(seq * 8 + 4, true);
    const value = high * 2 ** 32 + view.getUint32(seq * 8, true);
    if (high < 0 || !Number.isSafeInteger(value)) return null;
    ns[seq] = value;
  }
  return ns;
}

/** Fill the readings that are 0 linearly between the readings around them, as Python's
 * `Recorder.filled_times` does (integer floor division); return the filled ranges. */
function interpolate(ns: Float64Array): number[] | null {
  const ranges: number[] = [];
  let last = -1;
  for (let seq = 0; seq < ns.length; seq++) {
    const value = ns[seq] as number;
    if (value === 0) continue;
    if (seq - last > 1) {
      if (last < 0) return null; // the first event is always read
      const before = ns[last] as number;
      for (let gap = last + 1; gap < seq; gap++) {
        ns[gap] = before + Math.floor(((value - before) * (gap - last)) / (seq - last));
      }
      ranges.push(last + 1, seq);
    }
    last = seq;
  }
  // The last event (`complete`) is always read.
  return last === ns.length - 1 || ns.length === 0 ? ranges : null;
}

/** Decode `timesNs` for `length` events; null when it is malformed. */
export function decodeEventTimes(
  startedNs: number,
  timesNs: string,
  length: number,
): EventTimes | null {
  const ns = readNs(timesNs, length);
  const interpolated = ns && interpolate(ns);
  if (!ns || !interpolated) return null;
  const startedMicros = Math.floor(startedNs / 1000);
  const ms = new Float64Array(length);
  for (let seq = 0; seq < length; seq++) {
    // What the code printed while it loaded came before the clock started: stamped 0.
    ms[seq] = Math.max(0, Math.floor((ns[seq] as number) / 1000) - startedMicros) / 1000;
  }
  return { ms, interpolated };
}

/** True when event `seq`'s time is interpolated (`Trace.interpolatedTimes`: `[first, end)`
 * pairs, ascending). */
export function timeIsInterpolated(ranges: readonly number[] | undefined, seq: number): boolean {
  if (!ranges) return false;
  let low = 0;
  let high = ranges.length / 2;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (seq < (ranges[2 * middle] as number)) high = middle;
    else if (seq >= (ranges[2 * middle + 1] as number)) low = middle + 1;
    else return true;
  }
  return false;
}
