/**
 * Why a resolution failed, as data: a `kind` to branch on and a plain-English message the UI
 * and the CLI show as is.
 */
import type { Release } from './candidates.ts';
import type { MarkerEnvironment } from './environment.ts';
import type { Requirement, RequirementError } from './requirement.ts';
import { isPurePython, wheelTags } from './wheelName.ts';

/** What went wrong. */
export type ResolveErrorKind =
  | 'not-found'
  | 'no-version'
  | 'no-pure-wheel'
  | 'requires-python'
  | 'conflict'
  | 'bad-requirement'
  | 'too-many-steps';

/** A failed resolution: its kind, a message to show, the project it concerns if one. */
export interface ResolveError {
  kind: ResolveErrorKind;
  message: string;
  /** The project's name as the requirement wrote it. */
  package?: string;
}

/** Who asked for a top-level requirement (the others are asked for by `name version`). */
export const TOP_LEVEL = 'requirements';

/** One requirement on a project and who made it. */
export interface Demand {
  requirement: Requirement;
  requester: string;
}

function neededBy(demand: Demand): string {
  return demand.requester === TOP_LEVEL ? '' : ` (needed by ${demand.requester})`;
}

function found(releases: readonly Release[]): string {
  return releases
    .toReversed()
    .map((release) => release.version.text)
    .join(', ');
}

/** No wheel of that name at all. */
export function notFound(demand: Demand): ResolveError {
  const { name } = demand.requirement;
  const message = `No package named '${name}' in the index or the folders given${neededBy(demand)}`;
  return { kind: 'not-found', message, package: name };
}

/** Versions exist, none matches the specifiers. */
export function noVersion(demand: Demand, releases: readonly Release[]): ResolveError {
  const { name, specifier } = demand.requirement;
  const message = `No version of ${name} satisfies ${specifier.text} (found: ${found(releases)})${neededBy(demand)}`;
  return { kind: 'no-version', message, package: name };
}

function asks(demand: Demand): string {
  const { name, specifier } = demand.requirement;
  const wanted = `${name}${specifier.text === '' ? ' (any version)' : specifier.text}`;
  return demand.requester === TOP_LEVEL
    ? `the requirements ask for ${wanted}`
    : `${demand.requester} asks for ${wanted}`;
}

/** Requirements on one project that no single version meets. */
export function conflict(demands: readonly Demand[], releases: readonly Release[]): ResolveError {
  const name = demands[0]?.requirement.name ?? '';
  const each = demands.map(asks).join('; ');
  const message = `No version of ${name} satisfies everything asked of it: ${each} (found: ${found(releases)})`;
  return { kind: 'conflict', message, package: name };
}

/** The matching version has no wheel Pyodide can install. */
export function noPureWheel(demand: Demand, release: Release): ResolveError {
  const { name } = demand.requirement;
  const tags = [...new Set(release.wheels.map((wheel) => wheelTags(wheel.name)))];
  const shown = tags.length > 2 ? `${tags.slice(0, 2).join(', ')}, …` : tags.join(', ');
  const version = `${name} ${release.version.text}`;
  const message = release.wheels.some((wheel) => isPurePython(wheel.name))
    ? `${version} has no wheel for Python 3.14 (${shown})${neededBy(demand)}`
    : `${version} has only compiled wheels (${shown}): it needs a compiled extension that Pyodide does not build${neededBy(demand)}`;
  return { kind: 'no-pure-wheel', message, package: name };
}

/** The matching version's `Requires-Python` leaves the interpreter out. */
export function requiresPython(
  demand: Demand,
  release: Release,
  env: MarkerEnvironment,
): ResolveError {
  const { name } = demand.requirement;
  const needs = release.wheel?.metadata.requiresPython ?? '';
  const message = `${name} ${release.version.text} needs Python ${needs}; Pyodide runs ${env.python_version}${neededBy(demand)}`;
  return { kind: 'requires-python', message, package: name };
}

/** A requirement (given, or in a wheel's metadata) that cannot be read or is not supported. */
export function badRequirement(error: RequirementError, requester: string): ResolveError {
  const where = requester === TOP_LEVEL ? '' : ` (in the metadata of ${requester})`;
  return { kind: 'bad-requirement', message: `${error.message}${where}` };
}

/** The search ran out of steps. */
export function tooManySteps(limit: number): ResolveError {
  const message = `Gave up after trying ${limit} versions: the requirements leave too many combinations to search; pin some versions (name==1.2) to narrow it`;
  return { kind: 'too-many-steps', message };
}
