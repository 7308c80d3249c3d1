import type { Outcome } from '../src/index.ts';
import { formatDuration, plural } from './common/formatting.ts';
import type { RunResult } from './state/playgroundStore.ts';
import { runProblem } from './results/runProblem.ts';

const OUTCOME_WORDS: Record<Outcome, string> = {
  complete: 'Complete',
  'app-error': 'The app raised an exception',
  'syntax-error': 'Syntax error',
  'load-error': 'The module failed to load',
  'bad-request': 'Bad request',
  timeout: 'Timed out',
  stopped: 'Stopped',
  limit: 'Stopped at a limit',
  crash: 'The server object crashed',
  disconnected: 'The client went away',
  paused: 'Paused',
};

/** A run that did not start for its packages: why, what to do, and the way to the panel. */
function PackagesProblem({
  result,
  onPackages,
}: {
  result: Extract<RunResult, { kind: 'packages-error' }>;
  onPackages: (() => void) | undefined;
}) {
  const missing = result.missingFiles.length > 0;
  return (
    <div className="run-summary run-summary--bad" role="alert">
      <strong>{result.title}</strong>
      <p className="run-summary__words">{result.message}</p>
      <p className="run-summary__words">
        {result.hint} The run did not start; the code, request and requirements are as they were.
      </p>
      {onPackages && (
        <button type="button" className="tool-button run-summary__action" onClick={onPackages}>
          {missing ? 'Add the missing wheels…' : 'Review requirements'}
        </button>
      )}
    </div>
  );
}

/** How the newest run ended: its outcome, timings, and the error that stopped it. */
export function RunSummary({
  result,
  stale = false,
  onPackages,
}: {
  result: RunResult;
  stale?: boolean;
  /** Open the Packages panel (for a run its packages stopped). */
  onPackages?: (() => void) | undefined;
}) {
  if (result.kind === 'packages-error')
    return <PackagesProblem result={result} onPackages={onPackages} />;
  if (result.kind === 'engine-error') {
    return (
      <div className="run-summary run-summary--bad" aria-live="polite">
        <strong>The engine failed</strong>
        <p className="run-summary__problem">{result.message}</p>
      </div>
    );
  }
  const { trace, roundTripMs } = result;
  const problem = runProblem(trace);
  const tone = trace.outcome === 'complete' ? 'good' : 'bad';
  return (
    <div className={`run-summary run-summary--${tone}`} aria-live="polite" aria-label="Outcome">
      <div className="run-summary__line">
        <strong data-outcome={trace.outcome}>{OUTCOME_WORDS[trace.outcome]}</strong>
        <span className="muted">
          {formatDuration(trace.stats.ms)} in Python · {formatDuration(roundTripMs)} round trip ·{' '}
          {plural(trace.stats.events, 'event')}
        </span>
      </div>
      {problem && (
        <div className="run-summary__problem">
          <span>{problem.text}</span>
          {problem.where && <span className="run-summary__where"> — {problem.where}</span>}
          {problem.source !== undefined && <pre>{problem.source}</pre>}
        </div>
      )}
      {stale && (
        <p className="run-summary__stale">
          The results below are from the previous run that served the request.
        </p>
      )}
    </div>
  );
}
