/**
 * The engine's public surface: run a WSGI app on a request and get a Trace.
 * Framework-free; the UI (app/) and the CLI import only from here and from the two entries
 * the page loads after its shell has painted: `rules/index.ts` (the rules, their PEP sections
 * and the wsgiref.validate mapping) and `share/exports.ts` (curl, HTTPie, Python, pytest) —
 * and `packages/index.ts` (the resolver, preparePackages), loaded when a project has packages.
 */
export * from './trace/schema.ts';
export { parseTrace, type ParsedTrace } from './trace/parseTrace.ts';
export * from './trace/bytes.ts';
export { EngineError, traceFromJson, type Engine } from './runtime/engine.ts';
export { DEFAULT_SETTINGS, toRunJob, type RunInput, type RunJob } from './runtime/runInput.ts';
export {
  createBrowserEngine,
  type BrowserEngine,
  type BrowserEngineOptions,
  type EngineStatus,
} from './runtime/browserEngine.ts';
export { BOOT_STAGES, type BootStage } from './runtime/workerProtocol.ts';
export * from './runtime/packageSet.ts';
export type { PackageLock, LockedPin } from './packages/lock.ts';
// Types only: the resolver's code is the page's third lazy entry (`packages/index.ts`, loaded
// when a project has packages). A value re-exported here would land in the shell's chunk as
// soon as a lazy chunk used it (it is reachable from the shell), ~16 KB gzipped.
export type {
  HandWheel,
  PackageError,
  PackageErrorKind,
  PackageProgress,
  PrepareRequest,
  Prepared,
  PreparedWheel,
  PrepareWorld,
  WheelCache,
} from './packages/index.ts';
export type { InterpreterState } from './runtime/interpreterPool.ts';
export type { PauseCommand, PausePlan } from './runtime/livePause.ts';
export { summarizeEvent, bytesPreview } from './view/summarizeEvent.ts';
export * from './request/requestDraft.ts';
export * from './view/environDocs.ts';
export * from './view/environGroups.ts';
export * from './view/wireMap.ts';
export * from './view/serverPersonality.ts';
export * from './view/serverWireNotes.ts';
export { timeIsInterpolated } from './trace/eventTimes.ts';
export { SEVERITIES, type Finding, type Rule, type RuleHit, type Severity } from './rules/types.ts';
export { PEP_SECTIONS, PEP_SECTION_TITLES } from './rules/pep.ts';
export { EXAMPLES, exampleById, exampleFileName, exampleRequest } from './examples/gallery.ts';
export {
  EXAMPLE_GROUPS,
  exampleProject,
  type Example,
  type ExampleGroupId,
  type ExampleRequest,
} from './examples/example.ts';
export { exampleDraft } from './examples/exampleDraft.ts';
export * from './request/query.ts';
export { checkJson, type JsonProblem } from './request/jsonCheck.ts';
export * from './view/timelineModel.ts';
export * from './share/shareLink.ts';
export * from './share/draftStorage.ts';
export { DEFAULT_TIMEOUT_MS, type RunOptions } from './runtime/browserEngine.ts';
export * from './share/shareText.ts';
export { plural } from './trace/plural.ts';
export * from './project/project.ts';
export * from './project/projectPackages.ts';
export * from './view/eventFiles.ts';
export * from './view/stepState.ts';
// Types only: the comparison's code (and jsdiff) loads with the compare view, which imports
// `compare/index.ts` itself; a value re-exported here would land in the shell's chunk.
export type {
  AlignedRow,
  AlignOptions,
  BytesDiff,
  CompareSide,
  DifferenceCounts,
  EventRow,
  FileChange,
  FindingsDiff,
  HeaderRow,
  InputChange,
  RowChange,
  RunComparison,
  SummaryRow,
} from './compare/index.ts';
