import { describe, expect, it } from 'vitest';
import { APP, CLIENT, SERVER } from '../../src/index.ts';
import { laneShortName } from './laneShortName.ts';

describe('laneShortName', () => {
  it('names the three lanes every run has in three letters', () => {
    expect([CLIENT, SERVER, APP].map(laneShortName)).toEqual(['Cli', 'Srv', 'App']);
  });

  it("keeps a layer's first three letters, a Middleware ending dropped", () => {
    expect(laneShortName('GzipMiddleware')).toBe('Gzi');
    expect(laneShortName('session_middleware')).toBe('ses');
    expect(laneShortName('Upper')).toBe('Upp');
    expect(laneShortName('ab')).toBe('ab');
  });

  it('keeps a name that is nothing but the ending, and whole characters', () => {
    expect(laneShortName('Middleware')).toBe('Mid');
    expect(laneShortName('😀😀😀😀')).toBe('😀😀😀');
  });
});
