import type { ReactNode } from 'react';
import type { StepState, Trace } from '../../src/index.ts';
import {
  bodyWords,
  callsWords,
  headersWords,
  iterableWords,
  startResponseWords,
  wireWords,
} from './stepWords.ts';

/** One question and its answer. */
function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="step-card__row">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/**
 * The "State at this step" card: the protocol's state just after the step's event (the step
 * bar names the event), in plain words — start_response, the headers, the wire, the body the
 * client has, the calls under way and the open iterables.
 */
export function StepStateCard({ trace, state }: { trace: Trace; state: StepState | null }) {
  if (!state) {
    return (
      <section className="step-card" aria-label="State at this step">
        <p className="muted step-card__none">
          No step selected: Next step starts at the first event.
        </p>
      </section>
    );
  }
  const iterables = iterableWords(trace, state);
  return (
    <section className="step-card" aria-label="State at this step">
      <dl className="step-card__rows">
        <Row label="start_response">{startResponseWords(trace, state)}</Row>
        <Row label="Headers">{headersWords(trace, state)}</Row>
        <Row label="Wire">{wireWords(state, trace.outcome === 'paused')}</Row>
        <Row label="Body">{bodyWords(trace, state)}</Row>
        <Row label="Calls under way">{callsWords(trace, state)}</Row>
        <Row label="Open iterables">
          {iterables.length === 0 ? (
            'None.'
          ) : iterables.length === 1 ? (
            iterables[0]
          ) : (
            <ul className="step-card__list">
              {iterables.map((words) => (
                <li key={words}>{words}</li>
              ))}
            </ul>
          )}
        </Row>
      </dl>
    </section>
  );
}
