/**
 * The messages between the page and the Python worker.  Both directions are discriminated
 * unions; what the page receives is validated (the worker runs untrusted code).
 */
import * as v from 'valibot';
import type { RunJob } from './runInput.ts';

/**
 * Named stages of booting Python in the worker: `runtime` (Pyodide and the image load), then
 * `image` (the interpreter is restored from it) — or, booting plainly, `server` (the server
 * object is installed) and `warmup` (one throwaway run).
 */
export const BOOT_STAGES = ['runtime', 'image', 'server', 'warmup'] as const;
/** A stage of the boot. */
export type BootStage = (typeof BOOT_STAGES)[number];

/** Page → worker. */
export type ToWorker =
  | {
      type: 'boot';
      indexURL: string;
      /** Shared with the page when it is cross-origin isolated: writing 2 raises KeyboardInterrupt. */
      interruptBuffer: Int32Array | null;
      /** Where the interpreter image is (see image.ts); null: boot plainly. */
      imageURL: string | null;
      /**
       * The image's snapshot, already fetched and unpacked by an earlier worker (transferred:
       * the worker hands it back with `ready`); null: fetch it from `imageURL`.
       */
      imageBytes: ArrayBuffer | null;
      /** `pyodide.asm.wasm`, compiled once by the page; null: the worker compiles it. */
      wasm: WebAssembly.Module | null;
    }
  | { type: 'run'; id: number; job: RunJob };

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
    /** The snapshot it restored from, handed back for the next worker (before any run). */
    imageBytes: v.optional(v.instance(ArrayBuffer)),
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
]);

/** Worker → page. */
export type FromWorker = v.InferOutput<typeof FromWorkerSchema>;

/** Validate a message from the worker; `null` for anything malformed. */
export function parseFromWorker(data: unknown): FromWorker | null {
  const result = v.safeParse(FromWorkerSchema, data);
  return result.success ? result.output : null;
}
