import type { Trace } from '../trace/schema.ts';
import type { Engine } from './engine.ts';
import { PAUSE_CODES, type PauseCommand, type PausePlan } from './livePause.ts';
import { traceFromJson } from './engine.ts';
import { bootInterpreter, type BootedInterpreter } from './bootInterpreter.ts';
import {
  bootPyodide,
  makeNodeImage,
  readNodeImage,
  restorePyodide,
  type NodeImage,
} from './nodeImage.ts';
import { installServer, warmUp, type PyodideSession } from './pyodideSession.ts';
import { installWheels } from './installWheels.ts';
import { toRunJob, type RunInput } from './runInput.ts';

/** Per-run options of the Node engine. */
export interface NodeRunOptions {
  /**
   * Hold the run at the events `plan` names: `onPause` gets the Trace so far (outcome
   * `paused`) and answers at once with what the run does next (in-process: nothing waits).
   */
  pause?: { plan: PausePlan; onPause: (trace: Trace) => PauseCommand };
}

/** An engine running Pyodide in this Node process (for tests and the CLI). */
export interface NodeEngine extends Engine {
  /** Milliseconds until the first interpreter was ready. */
  readonly bootMs: number;
  /** Whether interpreters are restored from the image, or booted plainly. */
  readonly source: 'image' | 'plain';
  /** Why there is no image, when there is none. */
  readonly fallback?: string;
  /** Run one app on one request (see NodeRunOptions). */
  run(input: RunInput, options?: NodeRunOptions): Promise<Trace>;
}

/** Options of the Node engine. */
export interface NodeEngineOptions {
  /**
   * Where interpreters come from: `auto` (default) the built image, else one made in this
   * process; an image given; or `plain` to boot every interpreter plainly (slow: ~1.5 s each).
   */
  image?: 'auto' | NodeImage | 'plain';
  /** The interrupt buffer every interpreter is given (writing 2 stops the running app). */
  interruptBuffer?: Int32Array;
  /** Restore the next run's interpreter while the caller looks at a result (default true;
   * the CLI, which makes one run, says false). */
  standby?: boolean;
}

/**
 * An engine in Node with the same isolation as the browser's: every run gets an interpreter
 * of its own, restored from the image (~0.2 s), and the next one is restored while the caller
 * looks at the result.
 *
 * @example
 * const engine = await createNodeEngine();
 * const trace = await engine.run({ code, request });
 */
export async function createNodeEngine(options: NodeEngineOptions = {}): Promise<NodeEngine> {
  const started = performance.now();
  const wanted = options.image ?? 'auto';
  const image: NodeImage | null =
    wanted === 'plain'
      ? null
      : wanted === 'auto'
        ? ((await readNodeImage()) ?? (await makeNodeImage()))
        : wanted;
  const boot = async (): Promise<BootedInterpreter> => {
    const booted = await bootInterpreter(
      async ({ _loadSnapshot: snapshot }) =>
        snapshot ? restorePyodide(new Uint8Array(await snapshot)) : bootPyodide(),
      { image: image ? { key: image.key, bytes: async () => image.bytes } : null },
      () => {},
    );
    if (options.interruptBuffer) booted.session.pyodide.setInterruptBuffer(options.interruptBuffer);
    return booted;
  };
  let next: Promise<BootedInterpreter> | null = boot();
  const first = await next;
  const bootMs = performance.now() - started;
  return {
    bootMs,
    source: first.source,
    ...(first.fallback ? { fallback: first.fallback } : {}),
    run: async (input, runOptions = {}) => {
      const { session } = await (next ?? boot());
      next = null;
      if (options.standby ?? true) {
        next = boot(); // the standby for the next run
        next.catch(() => {});
      }
      const { pause } = runOptions;
      const hooks = pause && {
        plan: pause.plan,
        wait: (traceJson: string) => PAUSE_CODES[pause.onPause(traceFromJson(traceJson))],
      };
      // Node installs a run's packages into its own interpreter (no image per set here).
      installWheels(session.pyodide, [...(input.wheels ?? []), ...(input.packages?.wheels ?? [])]);
      return traceFromJson(session.runJson(toRunJob(input), hooks));
    },
    dispose: () => {},
  };
}

/**
 * One long-lived interpreter with the server object, for tests of the server object itself
 * (fidelity against wsgiref, packing, the Python suite in Pyodide). Its runs are NOT isolated
 * from each other: use `createNodeEngine` for anything that runs apps as a user would.
 */
export async function createPyodideSession(): Promise<PyodideSession> {
  const session = installServer(await bootPyodide());
  warmUp(session);
  return session;
}
