/**
 * The environ as a person reads it: grouped (CGI variables, HTTP_* headers, wsgi.*, other),
 * with the UTF-8 reading of each latin-1 "native string" that holds non-ASCII bytes.
 */
import { utf8OrThrow } from '../trace/bytes.ts';
import type { Trace } from '../trace/schema.ts';

/** One environ entry as the trace records it. */
export type EnvironEntry = Trace['environ'][number];

/** The groups, in the order they are shown. */
export const ENVIRON_GROUPS = [
  { id: 'cgi', title: 'CGI variables' },
  { id: 'http', title: 'HTTP headers (HTTP_*)' },
  { id: 'wsgi', title: 'WSGI (wsgi.*)' },
  { id: 'other', title: 'Other' },
] as const;

/** A group's id. */
export type EnvironGroupId = (typeof ENVIRON_GROUPS)[number]['id'];

/**
 * How a native string reads as UTF-8: `text` when its bytes are valid UTF-8, `invalid` when
 * they are not (so the latin-1 reading is all there is).
 */
export type Utf8Reading = { kind: 'text'; text: string } | { kind: 'invalid' };

/** An environ entry with its group and, for native strings with non-ASCII bytes, a reading. */
export interface EnvironRow extends EnvironEntry {
  group: EnvironGroupId;
  /** Present only for a `str` value whose code points include U+0080–U+00FF. */
  utf8?: Utf8Reading;
}

/** A group with its rows, in the environ's own order. */
export interface EnvironGroup {
  id: EnvironGroupId;
  title: string;
  rows: EnvironRow[];
}

// Upper-case names without dots: the CGI variables, and anything shaped like one
// (operating-system environment variables look the same; this server adds none).
const CGI_NAME = /^[A-Z][A-Z0-9_]*$/;

/** Which group an environ key belongs to. */
export function environGroupOf(key: string): EnvironGroupId {
  if (key.startsWith('HTTP_')) return 'http';
  if (key.startsWith('wsgi.')) return 'wsgi';
  if (CGI_NAME.test(key)) return 'cgi';
  return 'other';
}

/**
 * The UTF-8 reading of a native string: its code points taken as latin-1 bytes and decoded.
 * Null when there is nothing to read differently: only ASCII, or a code point above U+00FF
 * (then it is not a native string at all).
 *
 * @example
 * utf8Reading('/cafÃ©') // { kind: 'text', text: '/café' }
 */
export function utf8Reading(value: string): Utf8Reading | null {
  const bytes = new Uint8Array(value.length);
  let high = false;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code > 0xff) return null;
    if (code >= 0x80) high = true;
    bytes[i] = code;
  }
  if (!high) return null;
  try {
    return { kind: 'text', text: utf8OrThrow(bytes) };
  } catch {
    return { kind: 'invalid' };
  }
}

/** Group the environ; empty groups are left out, and each group keeps the environ's order. */
export function groupEnviron(entries: readonly EnvironEntry[]): EnvironGroup[] {
  const rows = new Map<EnvironGroupId, EnvironRow[]>();
  for (const entry of entries) {
    const row: EnvironRow = { ...entry, group: environGroupOf(entry.key) };
    if (entry.type === 'str') {
      const reading = utf8Reading(entry.value);
      if (reading) row.utf8 = reading;
    }
    const list = rows.get(row.group) ?? [];
    list.push(row);
    rows.set(row.group, list);
  }
  return ENVIRON_GROUPS.flatMap(({ id, title }) => {
    const list = rows.get(id);
    return list ? [{ id, title, rows: list }] : [];
  });
}

/**
 * Keep the rows whose key or value (or UTF-8 reading) contains `query`, ignoring case;
 * groups left empty are dropped. An empty query keeps everything.
 */
export function filterEnviron(groups: readonly EnvironGroup[], query: string): EnvironGroup[] {
  const needle = query.trim().toLowerCase();
  if (needle === '') return [...groups];
  const matches = (row: EnvironRow): boolean =>
    row.key.toLowerCase().includes(needle) ||
    row.value.toLowerCase().includes(needle) ||
    (row.utf8?.kind === 'text' && row.utf8.text.toLowerCase().includes(needle));
  return groups.flatMap((group) => {
    const rows = group.rows.filter(matches);
    return rows.length ? [{ ...group, rows }] : [];
  });
}
