/**
 * The resolver: from requirements and the wheels on offer to the wheels to install.
 *
 * A depth-first backtracking search, like a small pip: requirements are taken in turn
 * (their dependencies queued behind them); for a project not yet chosen, its versions that
 * Pyodide can install and that meet every requirement on it queued so far are tried newest
 * first; a requirement on a project already chosen must be met by that choice, or the search
 * backs up to the latest choice and tries its next version. Each version tried is a step;
 * after `maxSteps` the search gives up rather than explore an exponential space.
 */
import { indexCandidates, type Candidate, type Release } from './candidates.ts';
import { PYODIDE_ENVIRONMENT, type MarkerEnvironment } from './environment.ts';
import { installOrder, type Choices, type Chosen, type Pin } from './installOrder.ts';
import { evaluateMarker, MarkerError } from './markers.ts';
import { parseRequirement, RequirementError, type Requirement } from './requirement.ts';
import {
  badRequirement,
  conflict,
  noPureWheel,
  notFound,
  noVersion,
  requiresPython,
  tooManySteps,
  TOP_LEVEL,
  type Demand,
  type ResolveError,
} from './resolveErrors.ts';
import { filterVersions, intersectSpecifierSets, satisfies } from './specifier.ts';

/** What a search stopped for (see `ResolveOptions.known`): a project's page, a METADATA. */
export type ResolveNeed = { project: string } | { candidate: Candidate };

/** The wheels to install, dependencies first, or why not (`needs`: what the search lacked). */
export type Resolution =
  { ok: true; pins: Pin[] } | { ok: false; error: ResolveError; needs?: ResolveNeed };

/** Limits on the search. */
export interface ResolveOptions {
  /** Versions to try before giving up (default `DEFAULT_MAX_STEPS`). */
  maxSteps?: number;
  /**
   * For a caller that finds candidates as they are needed (indexResolver.ts): whether all of
   * a project's candidates are known, and a candidate's METADATA. The search stops at the
   * first that is not, so that what it was about to try is fetched and the search run again.
   */
  known?: { project(normalized: string): boolean; metadata(candidate: Candidate): boolean };
}

/** How many versions the search tries before it gives up. */
export const DEFAULT_MAX_STEPS = 10_000;

interface Search {
  index: ReadonlyMap<string, Release[]>;
  env: MarkerEnvironment;
  maxSteps: number;
  steps: number;
  known: ResolveOptions['known'];
}

/** Thrown to the top when the search reaches what is not known yet. */
class Unknown {
  constructor(readonly need: ResolveNeed) {}
}

/** Whether a requirement's marker holds for any of the extras ('' for none). */
function applies(requirement: Requirement, env: MarkerEnvironment, extras: readonly string[]) {
  const { marker } = requirement;
  if (marker === null) return true;
  try {
    return extras.some((extra) => evaluateMarker(marker, { ...env, extra }));
  } catch (error) {
    if (error instanceof MarkerError)
      throw new RequirementError(requirement.text, 'syntax', error.message);
    throw error;
  }
}

function label(release: Release): string {
  return `${release.name} ${release.version.text}`;
}

/** The release's dependencies that apply for these extras, as demands. */
function dependencies(
  search: Search,
  release: Release,
  extras: readonly string[],
): Demand[] | ResolveError {
  const requester = label(release);
  const demands: Demand[] = [];
  try {
    for (const line of release.wheel?.metadata.requiresDist ?? []) {
      const requirement = parseRequirement(line);
      if (applies(requirement, search.env, extras)) demands.push({ requirement, requester });
    }
  } catch (error) {
    if (error instanceof RequirementError) return badRequirement(error, requester);
    throw error;
  }
  return demands;
}

function isError(result: Choices | ResolveError): result is ResolveError {
  return !(result instanceof Map);
}

/** Why no version could be tried for a project, given every demand on it. */
function diagnose(search: Search, peers: readonly Demand[], releases: readonly Release[]) {
  const [demand, ...others] = peers as [Demand, ...Demand[]];
  const wanted = intersectSpecifierSets(peers.map((peer) => peer.requirement.specifier));
  const matching = filterVersions(releases, wanted, (release) => release.version);
  if (matching.length === 0) {
    const eachMet = peers.every(
      (peer) => filterVersions(releases, peer.requirement.specifier, (r) => r.version).length > 0,
    );
    if (others.length > 0 && eachMet) return conflict(peers, releases);
    return noVersion(
      { ...demand, requirement: { ...demand.requirement, specifier: wanted } },
      releases,
    );
  }
  const fitting = matching.filter((release) => release.wheel !== null);
  const newest = fitting[0];
  if (newest === undefined) return noPureWheel(demand, matching[0] as Release);
  return requiresPython(demand, newest, search.env);
}

/** A demand on a project already chosen: met by that choice (and its new extras), or not. */
function extend(
  search: Search,
  queue: readonly Demand[],
  at: number,
  choices: Choices,
  pinned: Chosen,
  demand: Demand,
): Choices | ResolveError {
  const key = demand.requirement.normalized;
  const demands = [...pinned.demands, demand];
  const { specifier, extras } = demand.requirement;
  if (!satisfies(pinned.release.version, specifier, { prereleases: true })) {
    return conflict(demands, search.index.get(key) ?? []);
  }
  const added = extras.filter((extra) => !pinned.extras.has(extra));
  const more = added.length === 0 ? [] : dependencies(search, pinned.release, added);
  if (!Array.isArray(more)) return more;
  const next: Chosen = {
    ...pinned,
    extras: new Set([...pinned.extras, ...added]),
    demands,
    dependsOn: [...pinned.dependsOn, ...more.map((dep) => dep.requirement.normalized)],
  };
  return solve(search, [...queue, ...more], at + 1, new Map(choices).set(key, next));
}

/** A demand on a project not chosen yet: try its fitting versions, newest first. */
function choose(
  search: Search,
  queue: readonly Demand[],
  at: number,
  choices: Choices,
  demand: Demand,
): Choices | ResolveError {
  const key = demand.requirement.normalized;
  if (search.known && !search.known.project(key)) throw new Unknown({ project: key });
  const releases = search.index.get(key) ?? [];
  if (releases.length === 0) return notFound(demand);
  const later = queue.slice(at + 1).filter((peer) => peer.requirement.normalized === key);
  const peers = [demand, ...later];
  const wanted = intersectSpecifierSets(peers.map((peer) => peer.requirement.specifier));
  const usable = releases.filter((release) => release.wheel !== null && release.pythonOk);
  const options = filterVersions(usable, wanted, (release) => release.version);
  let first: ResolveError | null = null;
  for (const release of options) {
    const candidate = release.wheel?.candidate;
    if (candidate && search.known && !search.known.metadata(candidate))
      throw new Unknown({ candidate });
    search.steps += 1;
    if (search.steps > search.maxSteps) return tooManySteps(search.maxSteps);
    const { extras } = demand.requirement;
    const deps = dependencies(search, release, ['', ...extras]);
    const result = Array.isArray(deps)
      ? solve(
          search,
          [...queue, ...deps],
          at + 1,
          new Map(choices).set(key, {
            release,
            extras: new Set(extras),
            demands: [demand],
            dependsOn: deps.map((dep) => dep.requirement.normalized),
          }),
        )
      : deps;
    if (!isError(result)) return result;
    if (result.kind === 'too-many-steps') return result;
    first ??= result;
  }
  return first ?? diagnose(search, peers, releases);
}

function solve(
  search: Search,
  queue: readonly Demand[],
  at: number,
  choices: Choices,
): Choices | ResolveError {
  const demand = queue[at];
  if (demand === undefined) return choices;
  const pinned = choices.get(demand.requirement.normalized);
  return pinned
    ? extend(search, queue, at, choices, pinned, demand)
    : choose(search, queue, at, choices, demand);
}

/**
 * The wheels to install for the requirements (PEP 508 strings; blank lines and `#` comments
 * are skipped) from the candidates on offer, in the given environment (Pyodide's by default).
 */
export function resolve(
  requirements: readonly string[],
  candidates: readonly Candidate[],
  env: MarkerEnvironment = PYODIDE_ENVIRONMENT,
  options: ResolveOptions = {},
): Resolution {
  const roots: Demand[] = [];
  try {
    for (const text of requirements) {
      if (text.trim() === '' || text.trim().startsWith('#')) continue;
      const requirement = parseRequirement(text);
      if (applies(requirement, env, [''])) roots.push({ requirement, requester: TOP_LEVEL });
    }
  } catch (error) {
    if (error instanceof RequirementError)
      return { ok: false, error: badRequirement(error, TOP_LEVEL) };
    throw error;
  }
  const index = indexCandidates(candidates, env);
  const maxSteps = options.maxSteps ?? DEFAULT_MAX_STEPS;
  const search = { index, env, maxSteps, steps: 0, known: options.known };
  try {
    const result = solve(search, roots, 0, new Map());
    if (isError(result)) return { ok: false, error: result };
    return { ok: true, pins: installOrder(result, roots) };
  } catch (error) {
    if (!(error instanceof Unknown)) throw error;
    const message = 'the search needs a project page or METADATA not fetched yet';
    return { ok: false, error: { kind: 'not-found', message }, needs: error.need };
  }
}
