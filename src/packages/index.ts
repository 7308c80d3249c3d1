/**
 * Python packages for Pyodide: wheel names, PEP 440/508 parsing, the resolver (resolve.ts),
 * and preparePackages (prepare.ts), which turns requirements into checked wheel files.
 */
export {
  fitsPyodide,
  isPurePython,
  isPyodideBuild,
  normalizeName,
  parseWheelName,
  wheelTags,
  type WheelName,
} from './wheelName.ts';
export {
  compareVersions,
  isPrerelease,
  parseVersion,
  type PrePhase,
  type Version,
} from './version.ts';
export {
  filterVersions,
  intersectSpecifierSets,
  parseSpecifier,
  parseSpecifierSet,
  satisfies,
  SpecifierError,
  specifierText,
  type MatchOptions,
  type Specifier,
  type SpecifierOperator,
  type SpecifierSet,
} from './specifier.ts';
export {
  PYODIDE_ENVIRONMENT,
  PYODIDE_VERSION,
  type MarkerEnvironment,
  type MarkerVariable,
} from './environment.ts';
export {
  evaluateMarker,
  MarkerError,
  parseMarker,
  type Marker,
  type MarkerOperator,
  type MarkerValue,
} from './markers.ts';
export {
  parseRequirement,
  RequirementError,
  type Requirement,
  type RequirementProblem,
} from './requirement.ts';
export { parseMetadata, readMetadataFields, type WheelMetadata } from './metadata.ts';
export { admitsPython, type Candidate } from './candidates.ts';
export { TOP_LEVEL, type ResolveError, type ResolveErrorKind } from './resolveErrors.ts';
export type { Pin } from './installOrder.ts';
export {
  DEFAULT_MAX_STEPS,
  resolve,
  type Resolution,
  type ResolveNeed,
  type ResolveOptions,
} from './resolve.ts';
export type { LockedPin, PackageLock } from './lock.ts';
export type { PackageProgress, PrepareWorld, WheelCache } from './prepareWorld.ts';
export { memoryWheelCache } from './memoryWheelCache.ts';
export { PackageFailure, type PackageError, type PackageErrorKind } from './packageErrors.ts';
export { handCandidates, type HandCandidates, type HandWheel } from './handWheels.ts';
export { parseProjectPage, projectUrl, SIMPLE_ACCEPT, type IndexFile } from './simpleIndex.ts';
export { resolveWithIndex, type IndexSession } from './indexResolver.ts';
export { verifiedWheels, type WheelRef } from './verifiedWheels.ts';
export { pyodideCdnUrl, pyodideLockCandidates, type LocatedCandidate } from './pyodideLock.ts';
export {
  preparePackages,
  type PreparedWheel,
  type Prepared,
  type PrepareRequest,
} from './prepare.ts';
