/**
 * The messages of the Python worker: booted by the sandbox frame, then talking to the page
 * through its private port. Both directions are discriminated unions; what the page receives
 * is validated (the worker runs untrusted code).
 */
import * as v from 'valibot';
import type { PausePlan } from './livePause.ts';
import type { RunJob } from './runInput.ts';
import type { PackageBoot } from './workerLink.ts';

/**
 * Named stages of booting Python in the worker: `runtime` (Pyodide and the image load), then
 * `image` (the interpreter is restored from it) — or, booting plainly, `server` (the server
 * object is installed) and `warmup` (one throwaway run).
 */
export const BOOT_STAGES = ['runtime', 'image', 'server', 'warmup'] as const;
/** A stage of the boot. */
export type BootStage = (typeof BOOT_STAGES)[number];

/** Pyodide's runtime files, as the sandbox frame hands them to each worker it starts. */
export interface RuntimeFiles {
  /** `pyodide.asm.mjs`, the Emscripten module's script. */
  asm: ArrayBuffer;
  /** `python_stdlib.zip`. */
  stdlib: ArrayBuffer;
  /** `pyodide-lock.json`, as text. */
  lock: string;
  /** `pyodide.asm.wasm`, compiled once by the frame. */
  wasm: WebAssembly.Module;
}

/** The interpreter image's snapshot, unpacked; or why there is none; null: boot plainly. */
export type ImageFile = { bytes: ArrayBuffer } | { missing: string } | null;

/** Sandbox frame → worker (boot), and page → worker (run). */
export type ToWorker =
  | {
      type: 'boot';
      /** Shared with the frame when it is cross-origin isolated: writing 2 raises KeyboardInterrupt. */
      interruptBuffer: Int32Array | null;
      /** Shared with the frame when it is cross-origin isolated: a held run waits on it for
       * the page's command (see livePause.ts). */
      pauseBuffer: Int32Array | null;
      runtime: RuntimeFiles;
      image: ImageFile;
      /** The origins a run may connect to (the frame's Content-Security-Policy says the same). */
      connect: string[];
      /**
       * A package set: its wheels are written to site-packages after the restore (a snapshot
       * holds no files), and `image` is the set's own. With `make`, the worker serves no run:
       * it boots plainly, installs and imports the set, and posts the image (`image` message).
       */
      packages?: PackageBoot & { make?: boolean };
    }
  /** Run `job`; with `pause`, hold it at the events the plan names (needs `pauseBuffer`). */
  | { type: 'run'; id: number; job: RunJob; pause?: PausePlan };

const FromWorkerSchema = v.variant('type', [
  v.object({ type: v.literal('progress'), stage: v.picklist(BOOT_STAGES), ms: v.number() }),
  v.object({
    type: v.literal('ready'),
    bootMs: v.number(),
    pythonVersion: v.string(),
    /** Restored from the image, or booted plainly. */
    source: v.picklist(['image', 'plain']),
    /** Why the image was not used, when there was one. */
    fallback: v.optional(v.pipe(v.string(), v.maxLength(400))),
  }),
  v.object({
    type: v.literal('result'),
    id: v.number(),
    traceJson: v.string(),
    /** Set when Python's memory grew past the limit: the run counts as `limit`, and the
     * worker is replaced (WebAssembly memory never shrinks). */
    overMemory: v.optional(v.string()),
  }),
  v.object({ type: v.literal('failed'), id: v.nullable(v.number()), message: v.string() }),
  /** Run `id` is held at an event: the Trace so far (outcome `paused`), packed like a result. */
  v.object({ type: v.literal('paused'), id: v.number(), traceJson: v.string() }),
  /** The image of a package set, made as the boot message's `packages.make` asked. */
  v.object({ type: v.literal('image'), bytes: v.instance(ArrayBuffer) }),
]);

/** The message that boots a worker. */
export type BootMessage = Extract<ToWorker, { type: 'boot' }>;

/** Worker → page. */
export type FromWorker = v.InferOutput<typeof FromWorkerSchema>;

/** Validate a message from the worker; `null` for anything malformed. */
export function parseFromWorker(data: unknown): FromWorker | null {
  const result = v.safeParse(FromWorkerSchema, data);
  return result.success ? result.output : null;
}
