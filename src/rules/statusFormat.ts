import { PEP_SECTIONS } from './pep.ts';
import {
  appEventsOf,
  pyRepr,
  raisedNote,
  findChar,
  isBeyondLatin1,
  isControl,
} from './traceQueries.ts';
import type { Rule } from './types.ts';

/** What is wrong with a status string, or undefined when it is well formed. */
export function statusProblem(status: string): string | undefined {
  if (/[\r\n]/.test(status)) return 'contains a line break (CR or LF)';
  if (findChar(status, isControl)) return 'contains a control character';
  if (findChar(status, isBeyondLatin1)) return 'contains a character outside latin-1 (ISO-8859-1)';
  if (status !== status.trim()) return 'has whitespace around it';
  if (!/^\d{3}/.test(status)) return 'does not start with a three-digit status code';
  const code = Number(status.slice(0, 3));
  if (code < 100 || code > 599) return `has the code ${code}, outside 100–599`;
  if (status.length === 3) return 'has no reason phrase after the code';
  if (status[3] !== ' ') return 'does not have a single space after the code';
  if (status[4] === ' ') return 'has more than one space after the code';
  return undefined;
}

/** A status string that is not "NNN Reason": no space, no code, control characters, … */
export const statusFormat: Rule = {
  id: 'status-format',
  severity: 'error',
  title: 'Malformed status string',
  detects:
    'A status that is not a three-digit code, a single space and a reason phrase, with no surrounding whitespace and no control characters (`"200OK"`, `"OK"`, `" 200 OK"`, `"200 OK\\r\\n"`).',
  pepQuote:
    'That is, it is a string consisting of a Status-Code and a Reason-Phrase, in that order and separated by a single space, with no surrounding whitespace or other characters. … The string **must not** contain control characters, and must not be terminated with a carriage return, linefeed, or combination thereof.',
  pepUrl: PEP_SECTIONS.startResponse,
  hint: 'Write the status as code, one space, reason: `"404 Not Found"`.',
  check: (trace) =>
    appEventsOf(trace, 'start_response').flatMap((event) => {
      const problem = event.statusType === 'str' ? statusProblem(event.status) : undefined;
      if (!problem) return [];
      const raised = raisedNote(event.error);
      return [
        {
          seq: event.seq,
          line: event.line,
          message: `The status ${pyRepr(event.status)} ${problem}.${raised}`,
        },
      ];
    }),
};
