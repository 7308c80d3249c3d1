import type { PlaygroundState, PlaygroundStore } from '../state/playgroundStore.ts';
import { requestStepThrough } from '../timeline/stepThroughRequests.ts';
import { BreakpointsMenu } from './BreakpointsMenu.tsx';
import { NOT_ISOLATED, STEP_TITLE } from './holdWords.ts';
import './livePause.css';

/**
 * The request line's debugger controls: Step (a run held at its first event, or the held run
 * one event on) and the breakpoints. Where runs cannot be held, Step turns Step through on.
 */
export function StepControls({
  store,
  state,
  onStep,
}: {
  store: PlaygroundStore;
  state: PlaygroundState;
  /** Called after Step started or moved a run (the phone shows the results). */
  onStep?: () => void;
}) {
  const busy = state.pendingRun !== null && state.held === null;
  return (
    <span className="step-controls">
      <button
        type="button"
        className="step-button"
        disabled={busy}
        title={store.canHold ? STEP_TITLE : NOT_ISOLATED}
        onClick={() => {
          if (!store.canHold) return requestStepThrough();
          store.step()?.catch(() => {});
          onStep?.();
        }}
      >
        Step
      </button>
      <BreakpointsMenu store={store} state={state} />
    </span>
  );
}
