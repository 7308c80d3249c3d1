import { useMemo, type ReactNode } from 'react';
import { METHODS, toHttpRequest, type RequestDraft } from '../../src/index.ts';
import { runShortcutLabel } from '../common/useRunShortcut.ts';
import { clientFaultWords, NO_CLIENT_FAULTS, type ClientFaults } from './clientFaultWords.ts';
import './requestBar.css';

/** What the request line shows and changes. */
export interface RequestBarProps {
  request: RequestDraft;
  onChange: (patch: Partial<RequestDraft>) => void;
  onRun: () => void;
  /** Stop the run in flight. */
  onStop: () => void;
  /** Set while a run is in flight (Stop is enabled). */
  running: boolean;
  /** Set while a run waits for Python to finish booting. */
  queued: boolean;
  /** The client faults of the settings (shown while any is on). */
  faults?: ClientFaults;
  /** Turn every client fault off. */
  onClearFaults?: (cleared: ClientFaults) => void;
  /** More controls after Stop (the debugger's Step and Breakpoints). */
  controls?: ReactNode;
}

/** The request line: method, target, the headers sent, and the Run button. */
export function RequestBar({
  request,
  onChange,
  onRun,
  onStop,
  running,
  queued,
  faults = NO_CLIENT_FAULTS,
  onClearFaults,
  controls,
}: RequestBarProps) {
  const faultWords = clientFaultWords(faults);
  // The headers as the client sends them: those typed, then those it adds for the body.
  const sent = useMemo(() => {
    const { headers } = toHttpRequest(request);
    const typed = request.headers.filter((h) => h.enabled && h.name.trim() !== '').length;
    return headers.map(([name, value], index) => ({ name, value, added: index >= typed }));
  }, [request]);
  const methods: readonly string[] = METHODS.includes(request.method as (typeof METHODS)[number])
    ? METHODS
    : [request.method, ...METHODS];
  return (
    <section className="request-bar" aria-label="Request">
      <form
        className="request-bar__line"
        onSubmit={(event) => {
          event.preventDefault();
          onRun();
        }}
      >
        <select
          aria-label="Method"
          value={request.method}
          onChange={(event) => onChange({ method: event.target.value })}
        >
          {methods.map((method) => (
            <option key={method}>{method}</option>
          ))}
        </select>
        <input
          aria-label="Target"
          className="request-bar__target"
          value={request.target}
          spellCheck={false}
          autoComplete="off"
          onChange={(event) => onChange({ target: event.target.value })}
        />
        <button type="submit" className="run-button">
          Run
        </button>
        <button
          type="button"
          className="stop-button"
          disabled={!running}
          onClick={onStop}
          title="Stop the running app"
        >
          Stop
        </button>
        {controls}
        <kbd className="request-bar__shortcut" title="Runs from anywhere on the page">
          {runShortcutLabel()}
        </kbd>
      </form>
      <p className="request-bar__headers">
        <span className="request-bar__label">Headers</span>
        {sent.map(({ name, value, added }, index) => (
          <code
            key={index}
            className={added ? 'request-bar__added' : undefined}
            title={added ? 'added by the client for the body' : undefined}
          >
            {name}: {value}
          </code>
        ))}
        {queued && (
          <span className="request-bar__queued">Queued — runs as soon as Python is ready</span>
        )}
      </p>
      {faultWords.length > 0 && (
        <p className="request-bar__faults" role="note" aria-label="Client faults">
          <strong>The client</strong> {faultWords.join(' · ')} (Settings)
          {onClearFaults && (
            <button
              type="button"
              className="tool-button request-bar__clear-faults"
              onClick={() => onClearFaults(NO_CLIENT_FAULTS)}
            >
              Clear client faults
            </button>
          )}
        </p>
      )}
    </section>
  );
}
