import { useEffect, useRef, useState } from 'react';
import { toHttpRequest, type Engine, type RequestDraft, type Trace } from '../../src/index.ts';
import type { RunSettings } from '../state/playgroundStore.ts';

/** The app the preview runs: it does nothing, so the environ is all there is to see. */
export const PROBE_APP = `def application(environ, start_response):
    start_response('200 OK', [])
    return []
`;

/** Wait this long after the last change before running the probe. */
export const PREVIEW_DELAY_MS = 300;

/** What a probe run found: the environ, or why the request cannot be served. */
type ProbeOutcome =
  | { state: 'ready'; environ: Trace['environ']; notes: string[] }
  | { state: 'invalid'; message: string }
  | { state: 'failed'; message: string };

/** What the preview shows; `stale` while the request changed since it was made. */
export type EnvironPreview =
  { state: 'waiting'; stale: false } | (ProbeOutcome & { stale: boolean });

/**
 * Run the probe app on the request ~300 ms after each change, while `active`, and keep the
 * environ it received. Replies to an older request are dropped (each run has a sequence number).
 */
export function useEnvironPreview(
  engine: Pick<Engine, 'run'>,
  request: RequestDraft,
  settings: RunSettings,
  active: boolean,
): EnvironPreview {
  const [shown, setShown] = useState<{
    outcome: ProbeOutcome;
    request: RequestDraft;
    settings: RunSettings;
  } | null>(null);
  const newest = useRef(0);
  useEffect(() => {
    if (!active) return undefined;
    const seq = ++newest.current;
    const show = (outcome: ProbeOutcome): void => {
      if (seq === newest.current) setShown({ outcome, request, settings });
    };
    const timer = setTimeout(() => {
      engine
        .run({
          code: PROBE_APP,
          request: toHttpRequest(request),
          // The probe is always `application`, whatever callable the person's code uses.
          settings: { ...settings, callable: 'application', compareValidate: false },
        })
        .then((trace) =>
          show(
            trace.outcome === 'bad-request' || trace.environ.length === 0
              ? { state: 'invalid', message: trace.error?.message ?? trace.outcome }
              : { state: 'ready', environ: trace.environ, notes: trace.notes },
          ),
        )
        .catch((error: unknown) =>
          show({
            state: 'failed',
            message: error instanceof Error ? error.message : String(error),
          }),
        );
    }, PREVIEW_DELAY_MS);
    return () => clearTimeout(timer);
  }, [engine, request, settings, active]);
  if (shown === null) return { state: 'waiting', stale: false };
  // Out of date from the first keystroke until the new environ arrives.
  return { ...shown.outcome, stale: shown.request !== request || shown.settings !== settings };
}
