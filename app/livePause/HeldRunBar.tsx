import { useMemo } from 'react';
import { stepStateAt, summarizeEvent, traceEntryFile } from '../../src/index.ts';
import type { HeldRun } from '../state/heldRun.ts';
import { StepStateCard } from '../timeline/StepStateCard.tsx';
import './livePause.css';

/** What the bar of a held run can do. */
export interface HeldRunBarProps {
  held: HeldRun;
  onStep: () => void;
  onContinue: () => void;
  onFinish: () => void;
  /** Whether the page shows key hints (not on a touch-only screen). */
  keyHints?: boolean;
}

/**
 * A live run held at an event: where (the event and its line), the buttons that let it go
 * on, and the protocol's state at that moment (the step-through card).
 */
export function HeldRunBar({
  held,
  onStep,
  onContinue,
  onFinish,
  keyHints = true,
}: HeldRunBarProps) {
  const { trace, event } = held;
  const index = trace.events.length - 1;
  const state = useMemo(() => stepStateAt(trace, index), [trace, index]);
  const file = event?.file ?? traceEntryFile(trace);
  return (
    <section className="held-run" aria-label="Paused run">
      <div className="held-run__bar">
        <p className="held-run__where" role="status">
          <strong>Paused</strong> after step {index + 1}
          {event && (
            <>
              {' — '}
              <code className="held-run__kind">{event.kind}</code>:{' '}
              <code>{summarizeEvent(event, trace.callable ?? 'application')}</code>
              {event.line !== undefined && (
                <span className="held-run__line">
                  {' '}
                  at {file}:{event.line}
                </span>
              )}
            </>
          )}
        </p>
        <div className="held-run__buttons">
          <button type="button" className="tool-button" onClick={onStep}>
            Step{keyHints && <kbd>F10</kbd>}
          </button>
          <button type="button" className="tool-button" onClick={onContinue}>
            Continue{keyHints && <kbd>F8</kbd>}
          </button>
          <button type="button" className="tool-button" onClick={onFinish}>
            Run to the end
          </button>
        </div>
      </div>
      <p className="held-run__note">
        The app is held between two events, as a slow client holds a server: none of its code runs
        until you go on, and the time limit does not count the wait. Step runs it to its next event;
        Continue to the next breakpoint, or the end.
      </p>
      <StepStateCard trace={trace} state={state} />
    </section>
  );
}
