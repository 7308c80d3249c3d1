import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRunClock } from './runClock.ts';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

const now = () => Date.now();

describe('the time limit of a run that can be held', () => {
  it('counts only the time the run runs', () => {
    const onLimit = vi.fn();
    const clock = createRunClock(1000, onLimit, now);
    vi.advanceTimersByTime(600);
    clock.pause();
    vi.advanceTimersByTime(10_000); // held: not counted
    expect(onLimit).not.toHaveBeenCalled();
    clock.resume();
    vi.advanceTimersByTime(399);
    expect(onLimit).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onLimit).toHaveBeenCalledOnce();
  });

  it('never fires once cleared, nor with no limit', () => {
    const onLimit = vi.fn();
    const clock = createRunClock(100, onLimit, now);
    clock.clear();
    clock.resume();
    createRunClock(0, onLimit, now);
    vi.advanceTimersByTime(1000);
    expect(onLimit).not.toHaveBeenCalled();
  });
});
