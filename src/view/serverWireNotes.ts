/**
 * What a modelled server (gunicorn, waitress) did to the app's response on its way to the
 * wire, in a few short phrases: the transfer coding it framed the body with, the headers it
 * added and dropped, the body bytes it did not send. Read from the Trace's own marks
 * (`framing` segments, `headers.commit`'s `added` and `dropped`, a chunk's `dropped`).
 */
import type { Trace } from '../trace/schema.ts';
import { isModelledServer, PERSONALITY_NAMES } from './serverPersonality.ts';
import type { WireMap } from './wireMap.ts';

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * The phrases, the first naming the server, or an empty list under wsgiref (whose marks the
 * wire's colours already tell).
 *
 * @example
 * serverWireNotes(gunicornTrace, buildWireMap(gunicornTrace))
 * // ['gunicorn 20.1.0 framed the body with Transfer-Encoding: chunked (2 chunks)',
 * //  'added: Server, Date, Connection, Transfer-Encoding']
 */
export function serverWireNotes(trace: Trace, map: Pick<WireMap, 'spans'>): string[] {
  const { personality } = trace.settings;
  if (!isModelledServer(personality)) return [];
  const notes: string[] = [];
  const chunks = map.spans.filter((span) => span.framing === 'size').length;
  if (map.spans.some((span) => span.part === 'framing')) {
    notes.push(`framed the body with Transfer-Encoding: chunked (${plural(chunks, 'chunk')})`);
  }
  const commit = trace.events.find((event) => event.kind === 'headers.commit');
  if (commit?.kind === 'headers.commit') {
    if (commit.added.length > 0) notes.push(`added: ${commit.added.join(', ')}`);
    if (commit.dropped?.length) notes.push(`dropped: ${commit.dropped.join(', ')}`);
  }
  const cut = { 'content-length': 0, 'no-body-status': 0 };
  for (const event of trace.events) {
    if ((event.kind === 'write' || event.kind === 'yield') && event.dropped && event.droppedWhy)
      cut[event.droppedWhy] += event.dropped;
  }
  if (cut['content-length'] > 0)
    notes.push(`cut ${plural(cut['content-length'], 'byte')} past Content-Length`);
  if (cut['no-body-status'] > 0) {
    const status = trace.response.status?.split(' ')[0] ?? 'this status';
    notes.push(`left out ${plural(cut['no-body-status'], 'byte')} of body (a ${status} has none)`);
  }
  const server = PERSONALITY_NAMES[personality].label;
  notes[0] = notes[0] ? `${server} ${notes[0]}` : `${server} sent the response as the app gave it`;
  return notes;
}
