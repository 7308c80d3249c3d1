import { PEP_SECTIONS } from './pep.ts';
import { isModelledServer, personalityName } from '../trace/personalityNames.ts';
import { appCommit } from './traceQueries.ts';
import type { Rule } from './types.ts';

/** Headers of the app's that a modelled server left out of the response. */
export const serverDroppedHeader: Rule = {
  id: 'server-dropped-header',
  severity: 'warning',
  title: 'Header the server left out',
  detects:
    "Under gunicorn or waitress, a header the app set that is not in the response: gunicorn drops hop-by-hop headers and the app's own Server and Date; waitress drops a Content-Length on a response that has no body. wsgiref refuses the hop-by-hop ones and sends the rest.",
  pepQuote:
    'WSGI applications **must not** generate any "hop-by-hop" headers, attempt to use HTTP features that would require them to generate such headers, or rely on the content of any incoming "hop-by-hop" headers in the `environ` dictionary.',
  pepUrl: PEP_SECTIONS.otherHttpFeatures,
  hint: 'Leave connection handling, Server and Date to the server; send a Content-Length only with a body.',
  check: (trace) => {
    if (!isModelledServer(trace.settings?.personality)) return [];
    const commit = appCommit(trace);
    if (!commit?.dropped?.length) return [];
    const names = commit.dropped.join(', ');
    return [
      {
        seq: commit.seq,
        line: commit.line,
        message: `${personalityName(trace.settings)} left the app's ${names} out of the response: the client never sees ${commit.dropped.length === 1 ? 'it' : 'them'}.`,
      },
    ];
  },
};
