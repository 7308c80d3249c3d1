/**
 * The engine's public surface: run a WSGI app on a request and get a Trace.
 * Framework-free; the UI (app/) and the CLI import only from here.
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
export { summarizeEvent, bytesPreview } from './trace/summarizeEvent.ts';
export * from './request/requestDraft.ts';
