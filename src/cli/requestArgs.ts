/** The request a command line describes, as curl's options would send it. */
import { textToBase64, toBase64 } from '../trace/bytes.ts';
import type { HttpRequest } from '../trace/schema.ts';

/** Read a file's bytes (passed in so the parser is testable). */
export type ReadFile = (path: string) => Uint8Array;

/** The request options, as `parseArgs` gives them. */
export interface RequestOptions {
  method?: string | undefined;
  url?: string | undefined;
  header?: string[] | undefined;
  data?: string | undefined;
}

/** The request of `-X`, `--url`, `-H` and `-d`, or why they make none. */
export function requestOf(
  values: RequestOptions,
  readFile: ReadFile,
): HttpRequest | { error: string } {
  const headers: [string, string][] = [];
  for (const header of values.header ?? []) {
    const colon = header.indexOf(':');
    if (colon <= 0) return { error: `-H expects 'Name: value', got ${JSON.stringify(header)}` };
    headers.push([header.slice(0, colon).trim(), header.slice(colon + 1).trim()]);
  }
  const target = values.url ?? '/';
  const has = (name: string): boolean => headers.some(([n]) => n.toLowerCase() === name);
  if (!has('host')) {
    // As curl does: the Host header comes from the URL.
    const match = /^https?:\/\/([^/?#]+)/i.exec(target);
    headers.unshift(['Host', match?.[1] ?? 'localhost']);
  }
  let bodyBase64 = '';
  if (values.data !== undefined) {
    try {
      bodyBase64 = values.data.startsWith('@')
        ? toBase64(readFile(values.data.slice(1)))
        : textToBase64(values.data);
    } catch (error) {
      return { error: `cannot read ${values.data.slice(1)}: ${(error as Error).message}` };
    }
    if (!has('content-type')) headers.push(['Content-Type', 'application/x-www-form-urlencoded']);
    if (!has('content-length')) headers.push(['Content-Length', String(atob(bodyBase64).length)]);
  }
  const method = values.method ?? (values.data !== undefined ? 'POST' : 'GET');
  return { method, target, headers, bodyBase64 };
}
