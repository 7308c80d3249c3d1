/**
 * A run's time limit that can be paused: a live run held at an event (livePause.ts) is not
 * using its time, so the limit counts only the time it runs.
 */

/** The time limit of one run. */
export interface RunClock {
  /** Stop counting (the run is held). */
  pause(): void;
  /** Count again, from where it stopped. */
  resume(): void;
  /** Stop for good. */
  clear(): void;
}

/** Call `onLimit` once the run has run for `limitMs` (0: never), paused time not counted. */
export function createRunClock(
  limitMs: number,
  onLimit: () => void,
  now: () => number = () => performance.now(),
): RunClock {
  let left = limitMs;
  let since: number | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let cleared = false;
  const resume = (): void => {
    if (limitMs <= 0 || cleared || since !== null) return;
    since = now();
    timer = setTimeout(onLimit, Math.max(0, left));
  };
  const pause = (): void => {
    if (since === null) return;
    clearTimeout(timer);
    left -= now() - since;
    since = null;
  };
  resume();
  return {
    pause,
    resume,
    clear() {
      pause();
      cleared = true;
    },
  };
}
