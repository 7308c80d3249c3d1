/**
 * A Python worker as the page holds it. The worker itself lives in the sandbox frame
 * (`sandbox/`), out of the page's reach and the page out of its reach; what the page has is a
 * private MessagePort to it and the few things only its owner may do.
 */

import type { WheelFile } from './installWheels.ts';

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

/** A package set as a worker boots with it: wheels to install, and modules to import. */
export interface PackageBoot {
  key: string;
  wheels: readonly WheelFile[];
  imports: readonly string[];
}

/**
 * What a worker boots with besides Python: the image of a package set registered with the
 * sandbox (`packages`: its key), or nothing but what it needs to make that image (`makeImage`).
 */
export type LaunchSpec = { packages: string } | { makeImage: PackageBoot };

/** Starts a Python worker, already told to boot (from the server's image unless `spec`). */
export type LaunchWorker = (spec?: LaunchSpec) => WorkerLink;
