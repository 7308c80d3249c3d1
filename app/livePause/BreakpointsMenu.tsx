import type { PlaygroundState, PlaygroundStore } from '../state/playgroundStore.ts';
import { BREAK_KINDS, hasBreakpoints } from '../state/heldRun.ts';
import { requestStepThrough } from '../timeline/stepThroughRequests.ts';
import { NOT_ISOLATED } from './holdWords.ts';

/**
 * The breakpoints: event kinds to break at (checkboxes), the line breakpoints set in the
 * editor's margin, and how to set them. Where runs cannot be held, why not, and time travel.
 */
export function BreakpointsMenu({
  store,
  state,
}: {
  store: PlaygroundStore;
  state: PlaygroundState;
}) {
  const { breakpoints } = state;
  const count = breakpoints.kinds.length + breakpoints.lines.length;
  return (
    <details className="breakpoints-menu">
      <summary className="tool-button" title="Where Run holds the app">
        Breakpoints{count > 0 && <span className="breakpoints-menu__count"> {count}</span>}
      </summary>
      <div className="breakpoints-menu__panel" role="group" aria-label="Breakpoints">
        {store.canHold ? (
          <>
            <fieldset>
              <legend>Hold Run at every event of these kinds</legend>
              {BREAK_KINDS.map((kind) => (
                <label key={kind}>
                  <input
                    type="checkbox"
                    checked={breakpoints.kinds.includes(kind)}
                    onChange={() => store.toggleBreakKind(kind)}
                  />
                  <code>{kind}</code>
                </label>
              ))}
            </fieldset>
            <p className="breakpoints-menu__hint">
              At a line: click in the editor&apos;s margin left of the line numbers, or press F9 on
              the line. Live mode&apos;s re-runs never stop; Run and Step do.
            </p>
            {breakpoints.lines.length > 0 && (
              <ul className="breakpoints-menu__lines" aria-label="Line breakpoints">
                {breakpoints.lines.map(({ file, line }) => (
                  <li key={`${file}:${line}`}>
                    <code>
                      {file}:{line}
                    </code>
                    <button
                      type="button"
                      className="tool-button"
                      aria-label={`Remove the breakpoint at ${file}:${line}`}
                      onClick={() => store.toggleBreakLine(file, line)}
                    >
                      Remove
                    </button>
                  </li>
                ))}
              </ul>
            )}
            {hasBreakpoints(breakpoints) && (
              <button
                type="button"
                className="tool-button"
                onClick={() => store.clearBreakpoints()}
              >
                Clear all breakpoints
              </button>
            )}
          </>
        ) : (
          <>
            <p className="breakpoints-menu__unavailable">{NOT_ISOLATED}</p>
            <button type="button" className="tool-button" onClick={requestStepThrough}>
              Step through the last run instead
            </button>
          </>
        )}
      </div>
    </details>
  );
}
