/**
 * Runs with packages: before a run whose project has requirements or hand-added wheels, make
 * its package set ready (once per set, see packagesSession.ts), then run with it — the engine
 * installs it from its image — and show what the engine says meanwhile.
 */
import {
  hasPackages,
  type PackageSet,
  type Project,
  type RunInput,
  type RunOptions,
  type Trace,
} from '../../src/index.ts';

/** An engine's `run`. */
export type RunFunction = (input: RunInput, options?: RunOptions) => Promise<Trace>;

/** What a packaged run needs of the package session. */
export interface PackageSource {
  prepareFor(project: Project): Promise<PackageSet>;
  engineNote(note: string | null): void;
}

/** How Stop reaches a run that is still waiting for its packages. */
export interface StopSignal {
  /** How many times Stop was pressed so far. */
  count(): number;
  /** Stop the engine's run in flight. */
  stop(): void;
}

/**
 * `run`, preparing each run's packages first (a run without packages goes straight through).
 * A Stop pressed while they were being prepared stops the run as soon as it is handed to the
 * engine (it ends `stopped`, as a run stopped while waiting for Python does).
 */
export function packagedRun(
  run: RunFunction,
  packages: PackageSource,
  stops?: StopSignal,
): RunFunction {
  return async (input, options = {}) => {
    if (!input.project || !hasPackages(input.project)) return run(input, options);
    const before = stops?.count() ?? 0;
    const set = await packages.prepareFor(input.project);
    try {
      const pending = run(
        { ...input, packages: set },
        {
          ...options,
          onProgress: (message) => {
            packages.engineNote(message);
            options.onProgress?.(message);
          },
          onStart: () => {
            packages.engineNote(null);
            options.onStart?.();
          },
        },
      );
      if (stops && stops.count() !== before) stops.stop();
      return await pending;
    } finally {
      packages.engineNote(null);
    }
  };
}
