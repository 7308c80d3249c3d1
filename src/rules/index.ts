/**
 * The protocol rules, in the order of the docs (the course through PEP 3333), and
 * {@link runRules}, which applies them all to a Trace. A public entry of its own (see
 * `src/index.ts`): the page loads it after its shell has painted.
 */
import type { Trace } from '../trace/schema.ts';
import { appRaised } from './appRaised.ts';
import { bodyOnBodilessResponse } from './bodyOnBodilessResponse.ts';
import { clientDisconnected } from './clientDisconnected.ts';
import { clientShortBody } from './clientShortBody.ts';
import { contentLengthMismatch } from './contentLengthMismatch.ts';
import { emptyYieldBeforeStartResponse } from './emptyYieldBeforeStartResponse.ts';
import { errorsWriteNotStr } from './errorsWriteNotStr.ts';
import { excInfoAfterHeadersSent } from './excInfoAfterHeadersSent.ts';
import { excInfoErrorTrapped } from './excInfoErrorTrapped.ts';
import { excInfoInvalid } from './excInfoInvalid.ts';
import { headBodyLeftToServer } from './headBodyLeftToServer.ts';
import { headerItemNotPair } from './headerItemNotPair.ts';
import { headerNameInvalid } from './headerNameInvalid.ts';
import { headerNotLatin1 } from './headerNotLatin1.ts';
import { headerNotStr } from './headerNotStr.ts';
import { headerNotTuple } from './headerNotTuple.ts';
import { headersChangedAfterStartResponse } from './headersChangedAfterStartResponse.ts';
import { headersNotList } from './headersNotList.ts';
import { headerValueControlChars } from './headerValueControlChars.ts';
import { headerValueCrlf } from './headerValueCrlf.ts';
import { hopByHopHeader } from './hopByHopHeader.ts';
import { innerIterableNotClosed } from './innerIterableNotClosed.ts';
import { lenInaccurate } from './lenInaccurate.ts';
import { missingContentType } from './missingContentType.ts';
import { noStartResponse } from './noStartResponse.ts';
import { readPastContentLength } from './readPastContentLength.ts';
import { returnedNotIterable } from './returnedNotIterable.ts';
import { returnedString } from './returnedString.ts';
import { serverChunkedBody } from './serverChunkedBody.ts';
import { serverDroppedBody } from './serverDroppedBody.ts';
import { serverDroppedHeader } from './serverDroppedHeader.ts';
import { startResponseTwice } from './startResponseTwice.ts';
import { statusFormat } from './statusFormat.ts';
import { statusHeader } from './statusHeader.ts';
import { statusNotStr } from './statusNotStr.ts';
import { streamMisuse } from './streamMisuse.ts';
import { writeInsideIterable } from './writeInsideIterable.ts';
import { writeNotBytes } from './writeNotBytes.ts';
import { yieldBeforeStartResponse } from './yieldBeforeStartResponse.ts';
import { yieldNotBytes } from './yieldNotBytes.ts';
import type { Finding, Rule } from './types.ts';

export {
  BEYOND_VALIDATE,
  VALIDATE_CHECKS,
  WERKZEUG_DIFFERENCES,
  type MappingStatus,
  type ValidateCheck,
} from './validateMapping.ts';

/** A group of rules, as the docs and the UI list them. */
export interface RuleGroup {
  title: string;
  rules: readonly Rule[];
}

/** Every rule, grouped by the part of the protocol it concerns. */
export const RULE_GROUPS: readonly RuleGroup[] = [
  {
    title: 'The status and the headers',
    rules: [
      statusNotStr,
      statusFormat,
      headersNotList,
      headerItemNotPair,
      headerNotTuple,
      headerNotStr,
      headerNameInvalid,
      headerValueCrlf,
      headerValueControlChars,
      headerNotLatin1,
      statusHeader,
      hopByHopHeader,
      missingContentType,
    ],
  },
  {
    title: 'Calling start_response',
    rules: [
      noStartResponse,
      yieldBeforeStartResponse,
      emptyYieldBeforeStartResponse,
      startResponseTwice,
      headersChangedAfterStartResponse,
    ],
  },
  {
    title: 'The response body',
    rules: [
      returnedString,
      returnedNotIterable,
      yieldNotBytes,
      writeNotBytes,
      writeInsideIterable,
      contentLengthMismatch,
      lenInaccurate,
      bodyOnBodilessResponse,
      headBodyLeftToServer,
      innerIterableNotClosed,
      clientDisconnected,
    ],
  },
  {
    title: 'Errors and exc_info',
    rules: [excInfoInvalid, excInfoAfterHeadersSent, excInfoErrorTrapped, appRaised],
  },
  {
    title: 'wsgi.input and wsgi.errors',
    rules: [readPastContentLength, streamMisuse, errorsWriteNotStr, clientShortBody],
  },
  {
    title: 'Behind gunicorn or waitress',
    rules: [serverChunkedBody, serverDroppedBody, serverDroppedHeader],
  },
];

/** Every rule, in the order of {@link RULE_GROUPS}. */
export const RULES: readonly Rule[] = RULE_GROUPS.flatMap((group) => group.rules);

/** What the docs and the UI show of a rule (everything but its check). */
export type RuleInfo = Omit<Rule, 'check'>;

/** The rule with this id. */
export function ruleById(id: string): Rule | undefined {
  return RULES.find((rule) => rule.id === id);
}

/**
 * Apply every rule to a trace; the findings come sorted by the event they concern
 * (findings about no particular event last), then in rule order.
 *
 * @example
 * const trace = await engine.run({ code, request });
 * for (const finding of runRules(trace)) console.log(finding.rule, finding.message);
 */
export function runRules(trace: Trace): Finding[] {
  const findings = RULES.flatMap((rule) =>
    rule.check(trace).map((hit): Finding => {
      const finding: Finding = {
        rule: rule.id,
        severity: rule.severity,
        message: hit.message,
        pep: rule.pepUrl,
        hint: hit.hint ?? rule.hint,
      };
      if (hit.seq !== undefined) finding.seq = hit.seq;
      if (hit.line !== undefined) finding.line = hit.line;
      return finding;
    }),
  );
  // Array.prototype.sort is stable: rule order breaks ties.
  return findings.sort(
    (a, b) => (a.seq ?? Number.MAX_SAFE_INTEGER) - (b.seq ?? Number.MAX_SAFE_INTEGER),
  );
}
