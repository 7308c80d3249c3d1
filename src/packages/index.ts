/** Python packages for Pyodide: wheel names, PEP 440/508 parsing, and the resolver (resolve.ts). */
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
export { PYODIDE_ENVIRONMENT, type MarkerEnvironment, type MarkerVariable } from './environment.ts';
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
export {
  DEFAULT_MAX_STEPS,
  resolve,
  type Pin,
  type Resolution,
  type ResolveOptions,
} from './resolve.ts';
