import { describe, expect, it } from 'vitest';
import type { Trace } from '../../src/index.ts';
import type { RunResult } from '../state/playgroundStore.ts';
import { handSchedule } from './handSchedule.testing.ts';
import { createRunInFlightMark, HUNG_AFTER_MS } from './runInFlightMark.ts';

const finished = (outcome: Trace['outcome']): RunResult => ({
  kind: 'trace',
  seq: 1,
  trace: { outcome } as Trace,
  roundTripMs: 1,
});

function setup(marked = false) {
  const clock = handSchedule();
  let saves = 0;
  const mark = createRunInFlightMark({
    marked,
    schedule: clock.schedule,
    onMarked: () => void saves++,
  });
  return { clock, mark, saves: () => saves };
}

describe('the run-in-flight mark', () => {
  it('starts as the saved draft left it', () => {
    expect(setup(true).mark.isMarked()).toBe(true);
    expect(setup(false).mark.isMarked()).toBe(false);
  });

  it('marks nothing and saves nothing once cancelled', () => {
    const { clock, mark, saves } = setup();
    mark.runStarted();
    mark.cancel();
    clock.fire();
    expect(mark.isMarked()).toBe(false);
    expect(saves()).toBe(0);
  });

  it('marks a run once it has been in Python for a moment, and asks for a save', () => {
    const { clock, mark, saves } = setup();
    mark.runStarted();
    expect(mark.isMarked()).toBe(false);
    expect(clock.delays()).toEqual([HUNG_AFTER_MS]);
    clock.fire();
    expect(mark.isMarked()).toBe(true);
    expect(saves()).toBe(1);
  });

  it('waits afresh for each run that starts', () => {
    const { clock, mark } = setup();
    mark.runStarted();
    mark.runStarted();
    expect(clock.delays()).toEqual([HUNG_AFTER_MS]);
  });

  it('never marks a run that finishes in time', () => {
    const { clock, mark, saves } = setup();
    mark.runStarted();
    mark.runFinished(finished('complete'));
    expect(clock.delays()).toEqual([]);
    expect(mark.isMarked()).toBe(false);
    expect(saves()).toBe(0);
  });

  it('stays marked only after a run that did not end by itself', () => {
    const { mark } = setup(true);
    const after = (result: RunResult) => (mark.runFinished(result), mark.isMarked());
    expect(after(finished('timeout'))).toBe(true);
    expect(after(finished('app-error'))).toBe(false);
    expect(after(finished('stopped'))).toBe(true);
    expect(after({ kind: 'engine-error', seq: 2, message: 'x' })).toBe(false);
    expect(after(finished('crash'))).toBe(true);
    expect(after(finished('limit'))).toBe(false);
  });
});
