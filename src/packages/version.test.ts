import { describe, expect, it } from 'vitest';
import { compareVersions, isPrerelease, parseVersion, type Version } from './version.ts';

function v(text: string): Version {
  const parsed = parseVersion(text);
  if (parsed === null) throw new Error(`not a version: ${text}`);
  return parsed;
}

describe('parseVersion', () => {
  it('reads every part and normalises spellings', () => {
    expect(v('1!2.0.3rc1.post2.dev3+ubuntu.1')).toEqual({
      text: '1!2.0.3rc1.post2.dev3+ubuntu.1',
      epoch: 1,
      release: [2, 0, 3],
      pre: ['rc', 1],
      post: 2,
      dev: 3,
      local: ['ubuntu', 1],
    });
    expect(v('1.0ALPHA').pre).toEqual(['a', 0]);
    expect(v('1.0-1').post).toBe(1);
    expect(v('v2.0').release).toEqual([2, 0]);
  });

  it('refuses what is not PEP 440', () => {
    expect(parseVersion('1.0-foo')).toBeNull();
    expect(parseVersion('latest')).toBeNull();
    expect(parseVersion('')).toBeNull();
  });
});

describe('compareVersions', () => {
  it('orders dev < pre < final < post, and local after public', () => {
    const ordered = [
      '1.0.dev0',
      '1.0a1',
      '1.0b2',
      '1.0rc1',
      '1.0',
      '1.0+local',
      '1.0.post1',
      '1.1',
      '1!0.1',
    ];
    const shuffled = ordered.toReversed().map(v);
    expect(shuffled.sort(compareVersions).map((version) => version.text)).toEqual(ordered);
  });

  it('pads releases with zeros and compares numbers as numbers', () => {
    expect(compareVersions(v('1.0'), v('1.0.0'))).toBe(0);
    expect(compareVersions(v('0.13.2'), v('0.12.25'))).toBeGreaterThan(0);
    expect(compareVersions(v('1.0+2'), v('1.0+abc'))).toBeGreaterThan(0);
  });

  it('counts dev releases as pre-releases', () => {
    expect(isPrerelease(v('2.0.dev1'))).toBe(true);
    expect(isPrerelease(v('2.0.post1'))).toBe(false);
  });
});
