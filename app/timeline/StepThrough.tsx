import type { ReactNode } from 'react';
import type { Trace } from '../../src/index.ts';
import { StepBar } from './StepBar.tsx';
import { StepStateCard } from './StepStateCard.tsx';
import type { StepCursor } from './useStepCursor.ts';
import './stepThrough.css';

/** Step mode's controls: the step bar, then the state at the cursor (`compact`: the embed's). */
export function StepThrough({
  trace,
  cursor,
  compact = false,
  children,
}: {
  trace: Trace;
  cursor: StepCursor;
  compact?: boolean;
  /** Put at the end of the bar (the embed's toggle). */
  children?: ReactNode;
}) {
  return (
    <div className={compact ? 'step-through step-through--compact' : 'step-through'}>
      <StepBar trace={trace} cursor={cursor}>
        {children}
      </StepBar>
      <StepStateCard trace={trace} state={cursor.state} />
    </div>
  );
}
