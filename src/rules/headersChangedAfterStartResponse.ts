import { PEP_SECTIONS } from './pep.ts';
import { acceptedStarts, appCommit, headerArgs, serverAdded } from './traceQueries.ts';
import type { Rule } from './types.ts';

const key = (name: string, value: string): string => `${name.toLowerCase()}: ${value.trim()}`;

/** The header list was changed after it was passed to `start_response`. */
export const headersChangedAfterStartResponse: Rule = {
  id: 'headers-changed-after-start-response',
  severity: 'warning',
  title: 'Headers changed after start_response',
  detects:
    'Headers on the wire that differ from the list the app passed to `start_response()`: the app (often a middleware) changed the list afterwards. It works on wsgiref only because wsgiref keeps the very list object until it sends the headers; a server that copies it — or a change after the headers were sent — loses the edit.',
  pepQuote:
    'It must be a Python list; i.e. `type(response_headers) is ListType`, and the server **may** change its contents in any way it desires.',
  pepUrl: PEP_SECTIONS.startResponse,
  hint: 'Finish the header list before calling start_response(); a middleware should build a new list and pass that to the server.',
  check: (trace) => {
    const commit = appCommit(trace);
    if (!commit) return [];
    const starts = acceptedStarts(trace).filter((event) => event.seq < commit.seq);
    const start = starts.at(-1);
    if (!start) return [];
    // gunicorn keeps the headers of every call (a second one, with exc_info, adds to them).
    const given = (trace.settings?.personality === 'gunicorn' ? starts : [start]).flatMap(
      headerArgs,
    );
    if (given.some(({ value }) => /[\r\n]/.test(value))) return []; // header-value-crlf's case
    // A header gunicorn or waitress left out is server-dropped-header's finding, not this one
    // (nor is the server's own header of that name, Connection say, a change of the app's).
    const dropped = new Set((commit.dropped ?? []).map((name) => name.toLowerCase()));
    const added = new Set([...commit.added.map((name) => name.toLowerCase()), ...dropped]);
    const ownHeaders = serverAdded(trace);
    const sent = commit.headers
      .filter(
        ([name]) => !(added.has(name.toLowerCase()) && ownHeaders.includes(name.toLowerCase())),
      )
      .map(([name, value]) => key(name, value));
    const remaining = [...sent];
    const removed: string[] = [];
    for (const { name, value } of given.filter((arg) => !dropped.has(arg.name.toLowerCase()))) {
      const at = remaining.indexOf(key(name, value));
      if (at >= 0) remaining.splice(at, 1);
      else removed.push(`${name}: ${value}`);
    }
    const appeared = commit.headers
      .filter(([name, value]) => remaining.includes(key(name, value)))
      .map(([name, value]) => `${name}: ${value}`);
    if (!appeared.length && !removed.length) return [];
    const parts = [
      appeared.length ? `${appeared.join('; ')} appeared` : '',
      removed.length ? `${removed.join('; ')} disappeared` : '',
    ].filter(Boolean);
    return [
      {
        seq: start.seq,
        line: start.line,
        message: `The headers sent at event #${commit.seq} differ from the list passed to start_response(): ${parts.join(', and ')} after the call.`,
      },
    ];
  },
};
