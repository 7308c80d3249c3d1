/**
 * Expand the compact form in which the Python server object sends a Trace's events and wire
 * segments (`Recorder.packed_events`, `wire.packed_segments`) into the plain Trace.
 *
 * A run of many small chunks is most of a big trace; as one JSON object per event it made
 * Python spend longer writing JSON than serving the app. Packed, a run of chunks is a few
 * columns; V8 builds the objects back far faster than Python wrote them. The input is
 * untrusted: a malformed packing throws, and the expanded Trace is validated afterwards.
 */

import { decodeEventTimes } from './eventTimes.ts';

/** The packing version this module expands. */
const PACKING = 2;

type Json = Record<string, unknown>;

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function fail(what: string): never {
  throw new Error(`Malformed packed trace: ${what}`);
}

function isPacked(value: unknown): value is Json {
  return isRecord(value) && 'packing' in value;
}

/** A column of `n` values: a list of exactly `n`, or one value shared by all. */
function columnReader(value: unknown, n: number, name: string): (index: number) => unknown {
  if (!Array.isArray(value)) return () => value;
  if (value.length !== n) fail(`column ${name} has ${value.length} values, not ${n}`);
  return (index) => value[index];
}

function count(value: unknown, name: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) fail(`${name}`);
  return value;
}

/** Fields a later update (a write's error) added to one event of a run. */
function extraFields(run: Json, n: number): Map<number, Json> {
  const extra = new Map<number, Json>();
  if (run.extra === undefined) return extra;
  if (!Array.isArray(run.extra)) fail('extra');
  for (const entry of run.extra as unknown[]) {
    if (!Array.isArray(entry) || !isRecord(entry[1])) fail('extra entry');
    const offset = count(entry[0], 'extra offset');
    if (offset >= n) fail('extra offset');
    extra.set(offset, entry[1]);
  }
  return extra;
}

function expandEvents(packed: Json): { events: Json[]; interpolated: number[] } {
  if (packed.packing !== PACKING) fail(`unknown packing ${String(packed.packing)}`);
  const { previews, items, startedNs, timesNs } = packed;
  const length = count(packed.length, 'length');
  if (typeof startedNs !== 'number' || typeof timesNs !== 'string') fail('times');
  const times = decodeEventTimes(startedNs, timesNs, length);
  if (!times) fail('times');
  if (!Array.isArray(previews) || !Array.isArray(items)) fail('previews or items');
  const events: Json[] = [];
  const nextT = (seq: number): number => times.ms[seq] as number;
  for (const item of items as unknown[]) {
    if (!isRecord(item)) fail('item');
    if (!('run' in item)) {
      if (events.length >= length) fail('more events than length');
      // Python wrote `seq` and a `t` placeholder first, so setting them keeps the key order.
      item.seq = events.length;
      item.t = nextT(events.length);
      events.push(item);
      continue;
    }
    const n = count(item.n, 'run length');
    if (n > length - events.length) fail('more events than length');
    const { run: kind, actor, type, file } = item;
    const index = item.index === undefined ? undefined : count(item.index, 'index');
    const line = columnReader(item.line, n, 'line');
    const size = columnReader(item.size, n, 'size');
    const preview = columnReader(item.preview, n, 'preview');
    const extra = extraFields(item, n);
    for (let offset = 0; offset < n; offset++) {
      const seq = events.length;
      const at: unknown = line(offset);
      const previewIndex: unknown = preview(offset);
      const previewBase64: unknown = previews[previewIndex as number];
      if (typeof previewIndex !== 'number' || typeof previewBase64 !== 'string') fail('preview');
      // The same key order as an event Python builds itself (Recorder.record + chunk).
      const event: Json = { seq, t: nextT(seq), kind, actor };
      if (at !== null) {
        event.line = at;
        if (file !== undefined) event.file = file;
      }
      if (index !== undefined) event.index = index + offset;
      event.type = type;
      event.size = size(offset);
      event.previewBase64 = previewBase64;
      const fields = extra.get(offset);
      if (fields) {
        for (const key of Object.keys(fields)) {
          if (key !== '__proto__') event[key] = fields[key];
        }
      }
      events.push(event);
    }
  }
  if (events.length !== length) fail('fewer events than length');
  return { events, interpolated: times.interpolated };
}

function expandSegments(packed: Json, maxSegments: number): Json[] {
  if (packed.packing !== PACKING) fail(`unknown packing ${String(packed.packing)}`);
  if (!Array.isArray(packed.runs)) fail('segment runs');
  const segments: Json[] = [];
  for (const run of packed.runs as unknown[]) {
    if (!isRecord(run)) fail('segment run');
    const n = count(run.n, 'segment run length');
    // Each segment comes from a write (with a framing server: its size line, bytes and CRLF);
    // cap them so a forged count cannot exhaust memory.
    if (n > maxSegments - segments.length) fail('more segments than writes');
    let start = count(run.start, 'segment start');
    const { part } = run;
    const seq = run.seq === undefined ? undefined : count(run.seq, 'segment seq');
    const size = columnReader(run.size, n, 'segment size');
    for (let offset = 0; offset < n; offset++) {
      const end = start + count(size(offset), 'segment size');
      segments.push(
        seq === undefined ? { start, end, part } : { start, end, part, seq: seq + offset },
      );
      start = end;
    }
  }
  return segments;
}

/**
 * Return `data` with packed `events` and `response.segments` expanded; data that is not
 * packed is returned as it is. Throws on a malformed packing.
 *
 * @example
 * const parsed = parseTrace(unpackTrace(JSON.parse(text)));
 */
export function unpackTrace(data: unknown): unknown {
  if (!isRecord(data)) return data;
  const { events, response } = data;
  const trace: Json = { ...data };
  if (isPacked(events)) {
    const expanded = expandEvents(events);
    trace.events = expanded.events;
    if (expanded.interpolated.length > 0) trace.interpolatedTimes = expanded.interpolated;
  }
  if (isRecord(response) && isPacked(response.segments)) {
    const writes = Array.isArray(trace.events) ? trace.events.length : 0;
    // Segments of one event merge; a run of them needs events in between: at most 3 per event
    // (a framing server sends a chunk as size line, bytes and CRLF).
    trace.response = { ...response, segments: expandSegments(response.segments, 3 * writes + 3) };
  }
  return trace;
}
