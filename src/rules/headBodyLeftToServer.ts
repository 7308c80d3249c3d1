import { PEP_SECTIONS } from './pep.ts';
import { personalityName } from '../trace/personalityNames.ts';
import { appCommit, frameworkResponds, plural, requestMethod } from './traceQueries.ts';
import type { Rule } from './types.ts';

/** A framework answered HEAD with a body, leaving it to the server to drop. */
export const headBodyLeftToServer: Rule = {
  id: 'head-body-left-to-server',
  severity: 'info',
  title: 'HEAD body left to the server',
  detects:
    'A framework (Django, say) answered a HEAD request with the body it would send for GET, as it is designed to: dropping the body is left to the server. wsgiref, gunicorn 20.1.0 and waitress 2.1.2 send it all the same; a client that reads the response as HEAD takes those bytes for the start of the next response.',
  pepQuote:
    'In general, servers and gateways should "play dumb" and allow the application complete control over its output.',
  pepUrl: PEP_SECTIONS.otherHttpFeatures,
  hint: 'Behind a server that drops HEAD bodies (nginx in front, newer gunicorn) nothing is wrong; otherwise, a middleware can return [] for HEAD.',
  check: (trace) => {
    const size = trace.response.bodySize;
    const commit = appCommit(trace);
    if (!commit || size === 0 || requestMethod(trace) !== 'HEAD') return [];
    if (!frameworkResponds(trace)) return [];
    return [
      {
        seq: commit.seq,
        line: commit.line,
        message: `The framework sent ${plural(size, 'body byte')} in its response to HEAD, for the server to drop; ${personalityName(trace.settings)} sends them.`,
      },
    ];
  },
};
