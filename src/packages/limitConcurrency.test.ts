import { describe, expect, it } from 'vitest';
import { limitConcurrency } from './limitConcurrency.ts';

describe('limitConcurrency', () => {
  it('runs at most N tasks at once, every task once, results in place', async () => {
    const limit = limitConcurrency(2);
    let running = 0;
    let most = 0;
    const task = (value: number) => async () => {
      running++;
      most = Math.max(most, running);
      await new Promise((done) => setTimeout(done, 5 - (value % 3)));
      running--;
      if (value === 3) throw new Error('three');
      return value * 10;
    };
    const results = await Promise.allSettled([0, 1, 2, 3, 4, 5].map((n) => limit(task(n))));
    expect(most).toBe(2);
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value : 'failed'))).toEqual([
      0,
      10,
      20,
      'failed',
      40,
      50,
    ]);
  });
});
