/**
 * How the wire grows over a run: how many bytes the server had sent by each event. The Trace
 * says which event produced each wire segment (a `write`/`yield` for a body range, a
 * `headers.commit` for the head); bytes go out in wire order, so a segment counts as sent once
 * its own event and every earlier segment's have happened. That is why a chunk yielded before
 * the headers went out (wsgiref sends the head with the first body bytes) counts from the
 * commit on: the head had to go first.
 */
import type { Trace } from '../trace/schema.ts';
import { indexOfSeq } from './timelineModel.ts';

/** The wire's growth: after event `indices[k]` (and until the next), `sent[k]` bytes were out. */
export interface WireProgress {
  /** Event indices, ascending, at which bytes went out. */
  indices: number[];
  /** Bytes on the wire (from its start) after the event at the same position of `indices`. */
  sent: number[];
  /** Every byte the server sent, kept or not. */
  totalBytes: number;
  /** Where the head ends: the body starts there. */
  headBytes: number;
}

/**
 * Work out, once per trace, when each wire byte went out (see the module's note). Bytes no
 * segment accounts for count as sent with the segment after them, or at the last event.
 */
export function wireProgress(trace: Pick<Trace, 'events' | 'response'>): WireProgress {
  const { events, response } = trace;
  const last = Math.max(events.length - 1, 0);
  const totalBytes = Math.max(response.wireSize, response.segments.at(-1)?.end ?? 0);
  const commits: { index: number; end: number }[] = [];
  events.forEach((event, index) => {
    if (event.kind === 'headers.commit') commits.push({ index, end: event.wireEnd });
  });
  const indices: number[] = [];
  const sent: number[] = [];
  let ready = 0;
  const push = (index: number, end: number): void => {
    // Later bytes cannot go out before earlier ones: the wire is one stream.
    ready = Math.max(ready, index);
    if (indices.at(-1) === ready) sent[sent.length - 1] = end;
    else {
      indices.push(ready);
      sent.push(end);
    }
  };
  let headBytes = 0;
  for (const segment of response.segments) {
    if (segment.part === 'head') {
      headBytes = Math.max(headBytes, segment.end);
      // A head goes out commit by commit (each `headers.commit` says where it ended).
      for (const commit of commits) {
        if (commit.end > segment.start && commit.end < segment.end) push(commit.index, commit.end);
      }
      const whole = commits.find((commit) => commit.end >= segment.end);
      push(whole?.index ?? last, segment.end);
    } else {
      const index = segment.seq === undefined ? -1 : indexOfSeq(events, segment.seq);
      push(index < 0 ? last : index, segment.end);
    }
  }
  if ((sent.at(-1) ?? 0) < totalBytes) push(last, totalBytes);
  return { indices, sent, totalBytes, headBytes };
}

/** The bytes on the wire after event `index` (every byte at the last event or beyond). */
export function wireSentAt(progress: WireProgress, index: number): number {
  let low = 0;
  let high = progress.indices.length;
  // The first position whose event comes after `index`: the one before it holds the count.
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((progress.indices[middle] ?? Infinity) <= index) low = middle + 1;
    else high = middle;
  }
  return low === 0 ? 0 : (progress.sent[low - 1] ?? 0);
}

/**
 * Bytes of the body (the payload the client hands over) among the first `sent` wire bytes.
 * Chunked framing (`framing` segments) is no part of it; without framing, every byte after
 * the head is, whether a segment accounts for it or not.
 */
export function payloadSentAt(
  response: Pick<Trace['response'], 'segments' | 'bodySize'>,
  headBytes: number,
  sent: number,
): number {
  const { segments, bodySize } = response;
  if (!segments.some((segment) => segment.part === 'framing')) {
    return Math.min(Math.max(sent - headBytes, 0), bodySize);
  }
  let payload = 0;
  for (const segment of segments) {
    if (segment.part === 'body')
      payload += Math.max(0, Math.min(segment.end, sent) - segment.start);
  }
  return Math.min(payload, bodySize);
}
