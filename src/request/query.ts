/**
 * The query string of a request target as a table of rows, and back.
 *
 * The target stays the source of truth: rows are read from it, and writing rows back changes
 * only the part between `?` and `#`. A row that did not change keeps its text exactly as it
 * was typed (`%20` stays `%20`, `caf%C3%A9` is not turned into `café`), so editing one
 * parameter never rewrites the others.
 */
import type { FieldRow } from './requestDraft.ts';

/** A target cut at its query: `base` + (`?` + `query`, when `query` is not null) + `fragment`. */
export interface TargetParts {
  /** Everything before the `?`: the path, or scheme, authority and path of an absolute URL. */
  base: string;
  /** The query without its `?`; null when the target has no `?`. */
  query: string | null;
  /** The fragment with its `#`, or ''. */
  fragment: string;
}

/** Cut a target into path, query and fragment. */
export function splitTarget(target: string): TargetParts {
  const hash = target.indexOf('#');
  const fragment = hash === -1 ? '' : target.slice(hash);
  const rest = hash === -1 ? target : target.slice(0, hash);
  const mark = rest.indexOf('?');
  return mark === -1
    ? { base: rest, query: null, fragment }
    : { base: rest.slice(0, mark), query: rest.slice(mark + 1), fragment };
}

/**
 * Decode one query component as `urllib.parse.parse_qsl` does: `+` is a space, `%XX` are UTF-8
 * bytes; an escape that is not valid UTF-8 (or not an escape at all) is kept as typed.
 */
export function decodeComponent(text: string): string {
  const spaced = text.replace(/\+/g, ' ');
  try {
    return decodeURIComponent(spaced);
  } catch {
    // Decode each run of escapes on its own so one bad byte spoils only itself.
    return spaced.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => {
      try {
        return decodeURIComponent(run);
      } catch {
        return run;
      }
    });
  }
}

/**
 * Encode one query component: UTF-8 percent-escapes, a space as `+` (as a form does), and the
 * characters that need no escape in a query (`/ : @ ! $ ' ( ) * , ;`) left readable.
 */
export function encodeComponent(text: string): string {
  return encodeURIComponent(text)
    .replace(/%20/g, '+')
    .replace(/%(2F|3A|40|21|24|27|28|29|2A|2C|3B)/gi, (escape) =>
      String.fromCharCode(parseInt(escape.slice(1), 16)),
    );
}

/** One `name=value` piece of a query as typed, with its decoded name and value. */
interface QueryPiece {
  raw: string;
  name: string;
  value: string;
}

function pieces(query: string): QueryPiece[] {
  return query
    .split('&')
    .filter((raw) => raw !== '')
    .map((raw) => {
      const eq = raw.indexOf('=');
      const name = eq === -1 ? raw : raw.slice(0, eq);
      const value = eq === -1 ? '' : raw.slice(eq + 1);
      return { raw, name: decodeComponent(name), value: decodeComponent(value) };
    });
}

/** The query parameters of a target as rows (decoded; all enabled). Empty pieces are skipped. */
export function readQuery(target: string): FieldRow[] {
  const { query } = splitTarget(target);
  if (query === null) return [];
  return pieces(query).map(({ name, value }) => ({ name, value, enabled: true }));
}

/**
 * Write rows into the target's query, keeping its path and fragment. Disabled rows and rows
 * with neither name nor value are left out; with no row left, the `?` goes too. A row equal to
 * a piece of the current query reuses that piece's text as typed.
 */
export function writeQuery(target: string, rows: readonly FieldRow[]): string {
  const { base, query, fragment } = splitTarget(target);
  const unused = query === null ? [] : pieces(query);
  const written: string[] = [];
  for (const row of rows) {
    if (!row.enabled || (row.name === '' && row.value === '')) continue;
    const index = unused.findIndex((p) => p.name === row.name && p.value === row.value);
    const [same] = index === -1 ? [] : unused.splice(index, 1);
    written.push(same?.raw ?? `${encodeComponent(row.name)}=${encodeComponent(row.value)}`);
  }
  return written.length === 0 ? `${base}${fragment}` : `${base}?${written.join('&')}${fragment}`;
}

/**
 * The rows to show after the target changed elsewhere (typed in the request line, pasted): the
 * target's parameters, with the disabled rows of the previous table kept where they were —
 * a target cannot hold a switched-off parameter, the table can.
 */
export function syncQueryRows(previous: readonly FieldRow[], target: string): FieldRow[] {
  const fromTarget = readQuery(target);
  const rows: FieldRow[] = [];
  let next = 0;
  for (const row of previous) {
    if (!row.enabled) rows.push(row);
    else if (next < fromTarget.length) rows.push(fromTarget[next++] as FieldRow);
  }
  return [...rows, ...fromTarget.slice(next)];
}
