/**
 * A Python worker as the page holds it. The worker itself lives in the sandbox frame
 * (`sandbox/`), out of the page's reach and the page out of its reach; what the page has is a
 * private MessagePort to it and the few things only its owner may do.
 */

/** One Python worker, seen from the page. */
export interface WorkerLink {
  /** The worker's private port: boot progress and runs go through it. */
  readonly port: MessagePort;
  /**
   * Interrupt Python (it raises KeyboardInterrupt). Returns false when this worker cannot be
   * interrupted — the frame is not cross-origin isolated — and must be retired instead.
   */
  interrupt(): boolean;
  /**
   * Give a held run a command (livePause.ts's PAUSE_CODES). Returns false when runs cannot be
   * held here (the frame is not cross-origin isolated).
   */
  resume(code: number): boolean;
  /** Stop the worker for good. */
  terminate(): void;
  /** `listener` hears, once, that the worker crashed or could not be started. */
  onCrash(listener: (message: string) => void): void;
}

/** Starts a Python worker, already told to boot. */
export type LaunchWorker = () => WorkerLink;
