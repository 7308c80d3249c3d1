import { describe, expect, it } from 'vitest';
import { filterVersions, parseSpecifierSet, satisfies, SpecifierError } from './specifier.ts';
import { parseVersion, type Version } from './version.ts';

describe('satisfies', () => {
  it.each([
    ['3.1.1', '>=3.0.0', true],
    ['2.9', '>=3.0.0', false],
    ['3.6.0', '>=3.6.0,<4', true],
    ['4.0', '>=3.6.0,<4', false],
    ['1.2.9', '==1.2.*', true],
    ['1.20', '==1.2.*', false],
    ['1.3', '!=1.2.*', true],
    ['2.2.5', '~=2.2', true],
    ['3.0', '~=2.2', false],
    ['1.4.9', '~=1.4.5', true],
    ['1.5.0', '~=1.4.5', false],
    ['0.13.2', '==0.13.2', true],
    ['0.13.2+local', '==0.13.2', true],
    ['0.13.2', '==0.13.2+local', false],
    ['1.0', '!=1.0', false],
    ['1.0', '<=1.0', true],
    ['1.0', '<1.0', false],
    ['1.0.post1', '>1.0', false],
    ['1.1', '>1.0', true],
    ['1.0.post2', '>1.0.post1', true],
    ['1.0', '===1.0', true],
    ['1.0.0', '===1.0', false],
    ['5.0', '', true],
  ])('%s against %s → %s', (version, set, expected) => {
    expect(satisfies(version, set)).toBe(expected);
  });

  it('leaves pre-releases out unless the set names one or the caller asks', () => {
    expect(satisfies('3.0rc1', '>=2.0')).toBe(false);
    expect(satisfies('3.0rc1', '>=2.0', { prereleases: true })).toBe(true);
    expect(satisfies('3.0rc1', '>=3.0rc1')).toBe(true);
    // `<3.0` keeps 3.0's own pre-releases out even when pre-releases are allowed.
    expect(satisfies('3.0rc1', '<3.0', { prereleases: true })).toBe(false);
    expect(satisfies('2.9rc1', '<3.0', { prereleases: true })).toBe(true);
  });

  it('explains a bad specifier', () => {
    expect(() => parseSpecifierSet('>=')).toThrow(SpecifierError);
    expect(() => parseSpecifierSet('>=1.0.*')).toThrow('a .* wildcard only goes with == or !=');
    expect(() => parseSpecifierSet('~=1')).toThrow('~= needs at least two release numbers');
    expect(() => parseSpecifierSet('>=1.0,,<2')).toThrow("'' is not a version specifier");
    expect(parseSpecifierSet(' >= 3.0 , < 4 ').text).toBe('>=3.0,<4');
  });
});

const texts = (found: Version[]) => found.map((version) => version.text);
const same = (version: Version) => version;

describe('filterVersions', () => {
  const versions = ['1.0', '2.0', '3.0b1'].map((text) => parseVersion(text) as Version);

  it('drops pre-releases while a final release matches', () => {
    expect(texts(filterVersions(versions, parseSpecifierSet('>=1.0'), same))).toEqual([
      '1.0',
      '2.0',
    ]);
  });

  it('takes a pre-release when it is the only match (pip)', () => {
    expect(texts(filterVersions(versions, parseSpecifierSet('>=2.5'), same))).toEqual(['3.0b1']);
    expect(
      texts(filterVersions(versions, parseSpecifierSet('>=2.5'), same, { prereleases: false })),
    ).toEqual([]);
  });
});
