/** Why a run has no response (or no bytes on the wire), said for a person. */
import type { Outcome } from '../../src/index.ts';

const REASONS: Record<Outcome, string> = {
  complete: 'the run completed without the server committing headers',
  'app-error': 'the app raised an exception and the server could not send an error page',
  'syntax-error': 'the module has a syntax error, so the app was never called',
  'load-error': 'the module failed to load, so the app was never called',
  'bad-request': 'the request could not be turned into an environ, so the app was never called',
  timeout: 'the run was stopped at the time limit before any headers went out',
  stopped: 'the run was stopped before any headers went out',
  limit: 'the run hit a limit before any headers went out',
  crash: 'the server object crashed',
  disconnected: 'the client went away before the headers were whole on the wire',
  paused: 'the run is paused before the headers went out',
};

/** The reason there is no response, from how the run ended. */
export function noResponseReason(outcome: Outcome): string {
  return REASONS[outcome];
}
