/**
 * The messages between the page and the Python worker.  Both directions are discriminated
 * unions; what the page receives is validated (the worker runs untrusted code).
 */
import * as v from 'valibot';
import type { RunJob } from './runInput.ts';

/** Named stages of booting Python in the worker, in order. */
export const BOOT_STAGES = ['runtime', 'server', 'warmup'] as const;
/** A stage of the boot. */
export type BootStage = (typeof BOOT_STAGES)[number];

/** Page → worker. */
export type ToWorker =
  | {
      type: 'boot';
      indexURL: string;
      /** Shared with the page when it is cross-origin isolated: writing 2 raises KeyboardInterrupt. */
      interruptBuffer: Int32Array | null;
    }
  | { type: 'run'; id: number; job: RunJob };

const FromWorkerSchema = v.variant('type', [
  v.object({ type: v.literal('progress'), stage: v.picklist(BOOT_STAGES), ms: v.number() }),
  v.object({ type: v.literal('ready'), bootMs: v.number(), pythonVersion: v.string() }),
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
