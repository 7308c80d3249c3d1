import { useMemo } from 'react';
import { fromBase64, type StepState, type Trace } from '../../src/index.ts';
import { formatBytes } from '../common/formatting.ts';
import { runProblem } from './runProblem.ts';
import { noResponseReason } from './noResponse.ts';
import { ResponseBody } from './ResponseBody.tsx';
import type { ResultTabProps } from '../common/resultTabProps.ts';
import { stepCutNote } from './wireCut.ts';
import './responseTab.css';

/** The colour family of a status: 2xx good, 3xx redirect, 4xx client error, 5xx server error. */
function statusTone(status: string): string {
  const code = Number.parseInt(status, 10);
  if (code >= 500) return 'bad';
  if (code >= 400) return 'warn';
  if (code >= 300) return 'redirect';
  if (code >= 200) return 'good';
  return 'other';
}

/**
 * The response as the client received it: status line, headers, and the body. In step mode
 * (`step`), as the client had it by the step's event: nothing before the headers went out,
 * then the body so far.
 */
export function ResponseTab({ trace, step = null }: ResultTabProps & { step?: StepState | null }) {
  return (
    <div className="response-tab">
      {step && trace.response.status !== null && (
        <p className="step-cut-note" role="note" aria-label="Response at this step">
          {stepCutNote(step, step.body.sent, step.body.total, 'body byte')}
        </p>
      )}
      <ResponseView trace={trace} step={step} />
    </div>
  );
}

function ResponseView({ trace, step }: { trace: Trace; step: StepState | null }) {
  const { response } = trace;
  const whole = useMemo(() => fromBase64(response.bodyBase64), [response.bodyBase64]);
  if (response.status === null) return <NoResponse trace={trace} />;
  if (step && !step.commit) {
    return (
      <p className="empty">
        No response yet: the status and headers are not on the wire by this step.
      </p>
    );
  }
  const bodySize = step ? step.body.sent : response.bodySize;
  const body = bodySize < whole.length ? whole.subarray(0, bodySize) : whole;
  const commit = trace.events.find((event) => event.kind === 'headers.commit');
  const added = new Set(
    commit?.kind === 'headers.commit' ? commit.added.map((name) => name.toLowerCase()) : [],
  );
  const protocol =
    trace.settings.personality === 'cgi' ? 'Status: ' : `HTTP/${trace.settings.httpVersion} `;
  return (
    <>
      <p className={`response-tab__status response-tab__status--${statusTone(response.status)}`}>
        <span className="response-tab__protocol">{protocol}</span>
        {response.status}
      </p>
      <h2 className="response-tab__heading">
        Headers <span className="muted">{response.headers.length}</span>
      </h2>
      <table className="response-headers" aria-label="Response headers">
        <tbody>
          {response.headers.map(([name, value], index) => (
            <tr key={index}>
              <th scope="row">{name}</th>
              <td>
                <span className="response-headers__value">{value}</span>
                {added.has(name.toLowerCase()) && (
                  <span
                    className="response-headers__added"
                    title="The app did not send this header; the server added it."
                  >
                    added by server
                  </span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <ResponseBody
        body={body}
        bodySize={bodySize}
        headers={response.headers}
        truncated={response.truncated && body.length < bodySize}
      />
    </>
  );
}

function NoResponse({ trace }: { trace: Trace }) {
  const problem = runProblem(trace);
  const sent = trace.response.wireSize;
  return (
    <div className="response-tab__none">
      <p className="response-tab__none-title">No response: the server never sent headers.</p>
      <p>
        Why: {noResponseReason(trace.outcome)}{' '}
        <span className="muted">(outcome: {trace.outcome})</span>.
      </p>
      {problem && (
        <p className="response-tab__problem">
          {problem.text}
          {problem.where && <span className="muted"> — {problem.where}</span>}
        </p>
      )}
      {sent > 0 && <p className="muted">{formatBytes(sent)} reached the wire; see the Wire tab.</p>}
    </div>
  );
}
