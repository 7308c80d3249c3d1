import * as v from 'valibot';
import {
  entryProblem,
  indexUrlProblem,
  MAX_REQUIREMENTS,
  pathProblem,
  projectPackages,
  type BrowserEngine,
  type Finding,
  type InterpreterState,
  type RequestDraft,
  type Trace,
} from '../src/index.ts';
import { loadedFindingsOf, loadRules } from './findings/rulesLoader.ts';
import { parseHookInput } from './hookValidation.ts';
import { MAX_REQUIREMENT_CHARS, requirementLines } from './packages/requirementsText.ts';
import { readHookRequest } from './hookRequest.ts';
import { armPaneFault, PANE_NAMES, type PaneName } from './layout/paneFaults.ts';
import { latestTrace, stateCode, type PlaygroundStore } from './state/playgroundStore.ts';

/**
 * The deliberate test hook `window.__wsgiPlayground` (see DESIGN.md, "UI contract"). Every
 * argument is validated before it reaches the store: a wrong one throws an Error that says
 * what is wrong, and the page goes on working.
 */
export interface PlaygroundHook {
  /** Replace the entry file's text (a string): a one-file app's code. */
  setCode(code: string): void;
  /** The entry file's text. */
  getCode(): string;
  /** Replace the project's files (`{path: text}`, at least one); the entry stays. */
  setFiles(files: Record<string, string>): void;
  /** The project's files. */
  getFiles(): Record<string, string>;
  /** Set the entry, gunicorn's `module:callable` (`app` alone: `application`, then `app`). */
  setEntry(entry: string): void;
  /**
   * Set the project's requirements, one PEP 508 string each, as lines of a requirements.txt
   * (`['flask==3.1.1', 'bottle']`; `[]` for none). The next run installs them.
   */
  setRequirements(requirements: string[]): void;
  /** The project's requirements. */
  getRequirements(): string[];
  /** Set the package index requirements resolve against: an http(s) PEP 503/691 simple index. */
  setPackageIndex(url: string): void;
  /**
   * Set the request, in one of two shapes:
   * - plain, a whole request: `{ method, url | target, headers: [[name, value]], body: string }`
   *   (left out: GET, no headers, no body). A `url` such as `http://example.test/a?b=1` sends
   *   its host as the Host header and sets the URL scheme, as a pasted curl command does;
   *   without one, `Host: localhost` is sent. A Content-Type header goes with the raw body.
   * - the draft's own, a patch: `{ method, target, headers: [{ name, value, enabled }],
   *   body: { mode, raw, rawContentType, json, form, multipart } }`, each part optional.
   *
   * @example
   * hook.setRequest({ method: 'POST', url: '/x', headers: [['Content-Type', 'text/plain']], body: 'text' });
   */
  setRequest(request: PlainHookRequest | Partial<RequestDraft>): void;
  getRequest(): RequestDraft;
  /** Run as the Run button does; resolves with the Trace. */
  run(): Promise<Trace>;
  /** The Trace of the newest finished run, or null. */
  readonly lastTrace: Trace | null;
  /** The findings of the run the results show (as the Findings tab lists them). */
  readonly findings: readonly Finding[];
  /**
   * A deliberate fault, for tests only: the named pane (`'Timeline'`, `'Request builder'`, …,
   * see `PANE_NAMES`; `'Page'` is the whole app) throws on its next render, once. It shows what
   * the page does when a pane fails to render; nothing but a test calls it.
   */
  failPaneForTest(name: PaneName): void;
  /**
   * The Python interpreters alive now, by state (`booting`, `ready`, `running`): each run gets
   * a fresh one and a standby is restored meanwhile, so there are at most two.
   */
  interpreters(): InterpreterState[];
}

/** The plain shape of `setRequest`'s argument. */
export interface PlainHookRequest {
  method?: string;
  url?: string;
  target?: string;
  headers?: [string, string][];
  body?: string;
}

declare global {
  interface Window {
    __wsgiPlayground?: PlaygroundHook;
  }
}

const CodeInput = v.string((issue) => `takes the code as a string, got ${issue.received}`);
const FilesInput = v.pipe(
  v.record(v.string(), v.string(), (issue) => `takes {path: text}, got ${issue.received}`),
  v.check((files) => Object.keys(files).length > 0, 'takes at least one file'),
  v.check(
    (files) => Object.keys(files).every((path) => pathProblem(path) === null),
    'takes relative paths such as "app.py" or "pkg/views.py"',
  ),
);
const EntryInput = v.pipe(
  v.string((issue) => `takes the entry as a string, got ${issue.received}`),
  v.check((entry) => entryProblem(entry) === null, 'takes module:callable, e.g. "app:application"'),
);
const RequirementsInput = v.pipe(
  v.array(
    v.pipe(
      v.string((issue) => `must be a string, got ${issue.received}`),
      v.check((line) => !/[\r\n]/.test(line), 'must be one line (one requirement)'),
      v.check((line) => line.trim() !== '', 'must not be empty'),
      v.maxLength(MAX_REQUIREMENT_CHARS, `must be at most ${MAX_REQUIREMENT_CHARS} characters`),
    ),
    (issue) => `takes a list of requirement strings, e.g. ["flask"], got ${issue.received}`,
  ),
  v.maxLength(MAX_REQUIREMENTS, `takes at most ${MAX_REQUIREMENTS} requirements`),
);
const IndexInput = v.pipe(
  v.string((issue) => `takes the index URL as a string, got ${issue.received}`),
  v.check((url) => indexUrlProblem(url) === null, 'takes an http:// or https:// URL'),
);
const PaneInput = v.picklist(
  PANE_NAMES,
  (issue) => `takes one of ${PANE_NAMES.join(', ')}, got ${issue.received}`,
);

/** Expose the store to end-to-end tests as `window.__wsgiPlayground`. */
export function installTestHook(
  target: Window,
  store: PlaygroundStore,
  engine: Pick<BrowserEngine, 'interpreters'>,
): void {
  target.__wsgiPlayground = {
    interpreters: () => engine.interpreters(),
    setCode: (code: unknown) => store.setCode(parseHookInput('setCode', CodeInput, code)),
    getCode: () => stateCode(store.getState()),
    setFiles: (files: unknown) => {
      const { project } = store.getState();
      store.setProject({ ...project, files: parseHookInput('setFiles', FilesInput, files) });
    },
    getFiles: () => ({ ...store.getState().project.files }),
    setEntry: (entry: unknown) => store.setEntry(parseHookInput('setEntry', EntryInput, entry)),
    setRequirements: (requirements: unknown) => {
      const lines = parseHookInput('setRequirements', RequirementsInput, requirements);
      // A comment (`# …`) is no requirement, as in a requirements.txt.
      store.setPackages({ requirements: requirementLines(lines.join('\n')) });
    },
    getRequirements: () => [...projectPackages(store.getState().project).requirements],
    setPackageIndex: (url: unknown) =>
      store.setPackages({ indexUrl: parseHookInput('setPackageIndex', IndexInput, url) }),
    setRequest: (request: unknown) => {
      const change = readHookRequest(request, store.getState().request);
      store.setRequest(change.request);
      if (Object.keys(change.settings).length > 0) store.setSettings(change.settings);
    },
    getRequest: () => structuredClone(store.getState().request),
    run: async () => {
      const trace = await store.run();
      await loadRules(); // so that `findings` has them
      return trace;
    },
    get lastTrace() {
      return latestTrace(store.getState());
    },
    get findings() {
      return loadedFindingsOf(store.getState().shownTrace);
    },
    failPaneForTest: (name: unknown) =>
      armPaneFault(parseHookInput('failPaneForTest', PaneInput, name)),
  };
}
