import { parseTrace } from '../trace/parseTrace.ts';
import type { Trace } from '../trace/schema.ts';
import { unpackTrace } from '../trace/unpackTrace.ts';
import type { RunInput } from './runInput.ts';

/** Runs WSGI apps and returns their Traces; the browser and Node hosts both provide one. */
export interface Engine {
  /** Run one app on one request. Rejects only when the engine itself fails, never for app bugs. */
  run(input: RunInput): Promise<Trace>;
  /** Release the engine (terminate its worker). */
  dispose(): void;
}

/** The engine itself failed (not the app): Python could not boot, or sent a malformed trace. */
export class EngineError extends Error {
  override name = 'EngineError';
}

/** Parse, expand (see unpackTrace) and validate Trace JSON text from Python; throw an EngineError when it is unfit. */
export function traceFromJson(text: string): Trace {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new EngineError(`The server object sent text that is not JSON: ${String(error)}`);
  }
  try {
    // Python packs big runs of events compactly; expand them before validating the whole.
    data = unpackTrace(data);
  } catch (error) {
    throw new EngineError(error instanceof Error ? error.message : String(error));
  }
  const parsed = parseTrace(data);
  if (!parsed.ok) throw new EngineError(parsed.error);
  return parsed.trace;
}
