/**
 * The messages between the page and the sandbox frame (frameMain.ts), over the frame's one
 * control port. What the frame sends is validated like anything from outside the page.
 */
import * as v from 'valibot';

/** The files the frame needs to start Python workers, by name. */
export const RUNTIME_FILE_NAMES = ['worker', 'asm', 'stdlib', 'lock', 'wasm', 'image'] as const;
/** One of them. */
export type RuntimeFileName = (typeof RUNTIME_FILE_NAMES)[number];

/** Page → frame. */
export type ToSandbox =
  | { type: 'file'; name: RuntimeFileName; bytes: ArrayBuffer }
  | { type: 'file'; name: RuntimeFileName; error: string }
  /** There is no interpreter image: workers boot plainly. */
  | { type: 'file'; name: 'image'; bytes: null }
  /**
   * Register a package set: its image (null: none could be made, `why`), its wheels and the
   * modules it imports. Workers started with its key boot from it.
   */
  | {
      type: 'packages';
      key: string;
      image: ArrayBuffer | null;
      why?: string;
      wheels: { filename: string; bytes: ArrayBuffer }[];
      imports: string[];
    }
  /**
   * Start worker `id`, giving it the port (transferred with the message): from the server's
   * image, from a registered package set's (`packages`: its key), or to make one (`make`).
   */
  | {
      type: 'start';
      id: number;
      packages?: string;
      make?: { key: string; wheels: { filename: string; bytes: ArrayBuffer }[]; imports: string[] };
    }
  | { type: 'interrupt'; id: number }
  /** Give worker `id`'s held run a command (livePause.ts's PAUSE_CODES). */
  | { type: 'resume'; id: number; code: number }
  | { type: 'terminate'; id: number };

const FromSandboxSchema = v.variant('type', [
  /** The frame is listening; `isolated`: it can share memory with its workers. */
  v.object({ type: v.literal('hello'), isolated: v.boolean() }),
  /** Worker `id` crashed, or could not be started. */
  v.object({
    type: v.literal('crashed'),
    id: v.number(),
    message: v.pipe(v.string(), v.maxLength(1000)),
  }),
]);

/** Frame → page. */
export type FromSandbox = v.InferOutput<typeof FromSandboxSchema>;

/** Validate a message from the frame; `null` for anything malformed. */
export function parseFromSandbox(data: unknown): FromSandbox | null {
  const result = v.safeParse(FromSandboxSchema, data);
  return result.success ? result.output : null;
}
