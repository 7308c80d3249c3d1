import type { ReactNode } from 'react';
import { traceEntryFile, type StepMove, type Trace } from '../../src/index.ts';
import { useTouchOnly } from '../layout/useTouchOnly.ts';
import { LineLink } from './Fields.tsx';
import type { StepCursor } from './useStepCursor.ts';

/** The four moves: accessible name, key, icon (an SVG path on a 16 × 16 box). */
const MOVES: { move: StepMove; name: string; key: string; path: string }[] = [
  { move: 'first', name: 'First step', key: 'Home', path: 'M4 3v10M12 3 6 8l6 5' },
  { move: 'previous', name: 'Previous step', key: '←', path: 'M10 3 5 8l5 5' },
  { move: 'next', name: 'Next step', key: '→', path: 'M6 3l5 5-5 5' },
  { move: 'last', name: 'Last step', key: 'End', path: 'M12 3v10M4 3l6 5-6 5' },
];

/**
 * The step bar: First / Previous / Next / Last, "Step N of M", the event there and its line (a
 * link into the code). A button that cannot move (Next at the last step) says so with
 * aria-disabled but keeps the focus, so a keyboard user can press on without losing their
 * place.
 */
export function StepBar({
  trace,
  cursor,
  children,
}: {
  trace: Trace;
  cursor: StepCursor;
  children?: ReactNode;
}) {
  const touchOnly = useTouchOnly();
  const { index, count, state } = cursor;
  const event = state?.event;
  const entryFile = traceEntryFile(trace);
  const stuck = (move: StepMove): boolean =>
    count === 0 ||
    (index >= 0 && (move === 'first' || move === 'previous' ? index === 0 : index === count - 1));
  return (
    <div className="step-bar" role="group" aria-label="Step through the run">
      {MOVES.map(({ move, name, key, path }) => (
        <button
          key={move}
          type="button"
          className="tool-button step-bar__button"
          aria-label={name}
          aria-disabled={stuck(move)}
          title={touchOnly ? name : `${name} (${key})`}
          onClick={() => {
            if (!stuck(move)) cursor.move(move);
          }}
        >
          <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">
            <path d={path} />
          </svg>
        </button>
      ))}
      <span className="step-bar__where">
        <span className="step-bar__step" aria-live="polite">
          {state ? (
            <>
              Step {state.step.toLocaleString('en')} of {state.count.toLocaleString('en')}{' '}
              <code className="step-bar__kind">{state.event.kind}</code>
            </>
          ) : (
            `No step selected (${count.toLocaleString('en')} steps)`
          )}
        </span>
        {event?.line !== undefined && (
          <LineLink
            line={event.line}
            file={event.file === undefined || event.file === entryFile ? undefined : event.file}
          />
        )}
      </span>
      {!touchOnly && (
        <span className="step-bar__keys muted" aria-hidden="true">
          ← → Home End
        </span>
      )}
      {children}
    </div>
  );
}
