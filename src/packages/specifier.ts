/**
 * PEP 440 version specifiers (`>=3.0,<4`, `==1.2.*`, `~=2.2`) and the pip rule for
 * pre-releases: a set admits them only when one of its versions is one, when the caller asks,
 * or (in `filterVersions`) when nothing else matches.
 */
import {
  baseVersion,
  compareReleases,
  compareVersions,
  isPrerelease,
  parseVersion,
  publicVersion,
  type Version,
} from './version.ts';

/** A comparison operator of PEP 440. */
export type SpecifierOperator = '===' | '~=' | '==' | '!=' | '<=' | '>=' | '<' | '>';

/** One clause of a specifier set, e.g. `>=3.1`. */
export interface Specifier {
  operator: SpecifierOperator;
  /** The version as written (without `.*`). */
  version: string;
  /** The parsed version; null only for `===`, which compares text. */
  parsed: Version | null;
  /** `==1.2.*` or `!=1.2.*`. */
  wildcard: boolean;
}

/** Clauses that must all hold; an empty set admits every version. */
export interface SpecifierSet {
  specifiers: readonly Specifier[];
  /** The clauses as text, comma-separated (`>=3.0,<4`), or '' for none. */
  text: string;
}

/** A specifier that does not follow PEP 440; the message says what is wrong. */
export class SpecifierError extends Error {
  override name = 'SpecifierError';
}

const CLAUSE = /^(===|~=|==|!=|<=|>=|<|>)\s*([^\s<>=!~]\S*)$/;
const OPERATOR_ONLY = /^(===|~=|==|!=|<=|>=|<|>)$/;

/** One clause read (`>=1.0`), or a `SpecifierError` thrown. */
export function parseSpecifier(text: string): Specifier {
  const clause = text.trim();
  const match = CLAUSE.exec(clause);
  if (!match && OPERATOR_ONLY.test(clause)) {
    throw new SpecifierError(`'${clause}' has no version after it`);
  }
  if (!match) {
    throw new SpecifierError(`'${clause}' is not a version specifier (expected one like >=1.0)`);
  }
  const operator = match[1] as SpecifierOperator;
  const written = match[2] ?? '';
  if (operator === '===') return { operator, version: written, parsed: null, wildcard: false };
  const wildcard = written.endsWith('.*');
  const version = wildcard ? written.slice(0, -2) : written;
  const parsed = parseVersion(version);
  if (parsed === null) throw new SpecifierError(`'${written}' in '${clause}' is not a version`);
  if (wildcard && operator !== '==' && operator !== '!=') {
    throw new SpecifierError(`'${clause}': a .* wildcard only goes with == or !=`);
  }
  if (parsed.local !== null && (wildcard || (operator !== '==' && operator !== '!='))) {
    throw new SpecifierError(`'${clause}': a local version (+…) only goes with == or !=`);
  }
  if (operator === '~=' && parsed.release.length < 2) {
    throw new SpecifierError(`'${clause}': ~= needs at least two release numbers (~=1.0)`);
  }
  return { operator, version, parsed, wildcard };
}

/** A comma-separated set of clauses read, or a `SpecifierError` thrown. */
export function parseSpecifierSet(text: string): SpecifierSet {
  if (text.trim() === '') return { specifiers: [], text: '' };
  const specifiers = text.split(',').map(parseSpecifier);
  return { specifiers, text: specifiers.map(specifierText).join(',') };
}

/** A clause as text (`==1.2.*`). */
export function specifierText(specifier: Specifier): string {
  return `${specifier.operator}${specifier.version}${specifier.wildcard ? '.*' : ''}`;
}

/** Several sets as one that holds where all of them hold. */
export function intersectSpecifierSets(sets: readonly SpecifierSet[]): SpecifierSet {
  const specifiers = sets.flatMap((set) => set.specifiers);
  return { specifiers, text: specifiers.map(specifierText).join(',') };
}

// `==1.2.*`: the release starts with 1.2 (padded with zeros, so 1 matches ==1.0.*).
function prefixMatches(prefix: Version, version: Version): boolean {
  if (prefix.epoch !== version.epoch) return false;
  const head = prefix.release.map((_, index) => version.release[index] ?? 0);
  if (compareReleases(head, prefix.release) !== 0) return false;
  if (prefix.pre === null && prefix.post === null && prefix.dev === null) return true;
  // A prefix with a pre/post/dev part (rare) must match that part as well.
  if (compareReleases(version.release, prefix.release) !== 0) return false;
  if (
    prefix.pre !== null &&
    (version.pre?.[0] !== prefix.pre[0] || version.pre[1] !== prefix.pre[1])
  )
    return false;
  if (prefix.post !== null && version.post !== prefix.post) return false;
  return prefix.dev === null || version.dev === prefix.dev;
}

function equals(specifier: Specifier, spec: Version, version: Version): boolean {
  if (specifier.wildcard) return prefixMatches(spec, publicVersion(version));
  const candidate = spec.local === null ? publicVersion(version) : version;
  return compareVersions(candidate, spec) === 0;
}

/** Whether one clause admits a version (pre-release policy aside). */
export function specifierContains(specifier: Specifier, version: Version): boolean {
  const spec = specifier.parsed;
  if (spec === null) return version.text.toLowerCase() === specifier.version.toLowerCase();
  const order = compareVersions(publicVersion(version), spec);
  const sameBase = compareVersions(baseVersion(version), baseVersion(spec)) === 0;
  switch (specifier.operator) {
    case '==':
      return equals(specifier, spec, version);
    case '!=':
      return !equals(specifier, spec, version);
    case '~=':
      return (
        order >= 0 &&
        prefixMatches(baseVersion({ ...spec, release: spec.release.slice(0, -1) }), version)
      );
    case '<=':
      return order <= 0;
    case '>=':
      return order >= 0;
    case '<':
      // `<3.0` does not admit 3.0rc1, unless the clause itself names a pre-release.
      return order < 0 && !(sameBase && isPrerelease(version) && !isPrerelease(spec));
    case '>':
      // `>1.0` does not admit 1.0.post1, unless the clause itself names a post-release.
      return order > 0 && !(sameBase && version.post !== null && spec.post === null);
    case '===':
      return false;
  }
}

/** Whether a set names a pre-release, which lets it admit pre-releases (packaging's rule). */
export function mentionsPrerelease(set: SpecifierSet): boolean {
  return set.specifiers.some(
    (specifier) =>
      specifier.operator !== '!=' && specifier.parsed !== null && isPrerelease(specifier.parsed),
  );
}

/** Options for matching: `prereleases` forces pre-releases in (true) or out (false). */
export interface MatchOptions {
  prereleases?: boolean;
}

function asVersion(version: Version | string): Version | null {
  return typeof version === 'string' ? parseVersion(version) : version;
}

function asSet(set: SpecifierSet | string): SpecifierSet {
  return typeof set === 'string' ? parseSpecifierSet(set) : set;
}

function containsAll(set: SpecifierSet, version: Version): boolean {
  return set.specifiers.every((specifier) => specifierContains(specifier, version));
}

/** Whether a version satisfies every clause; a pre-release only if the set or caller allows it. */
export function satisfies(
  version: Version | string,
  set: SpecifierSet | string,
  options: MatchOptions = {},
): boolean {
  const parsed = asVersion(version);
  const specifiers = asSet(set);
  if (parsed === null) return false;
  const allowPre = options.prereleases ?? mentionsPrerelease(specifiers);
  if (isPrerelease(parsed) && !allowPre) return false;
  return containsAll(specifiers, parsed);
}

/**
 * The items whose version satisfies the set, by pip's rule: pre-releases are left out unless
 * the set or caller asks for them, or no final release matches.
 */
export function filterVersions<T>(
  items: readonly T[],
  set: SpecifierSet,
  versionOf: (item: T) => Version,
  options: MatchOptions = {},
): T[] {
  const matching = items.filter((item) => containsAll(set, versionOf(item)));
  if (options.prereleases ?? mentionsPrerelease(set)) return matching;
  const finals = matching.filter((item) => !isPrerelease(versionOf(item)));
  return finals.length > 0 || options.prereleases === false ? finals : matching;
}
