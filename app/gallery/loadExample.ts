/**
 * Loading a gallery example into the playground — code, request, default settings — and
 * running it; remembering which example is on screen (for its "About this example" banner)
 * and the person's own draft it replaced, so that loading never loses their code.
 */
import {
  EXAMPLES,
  exampleDraft,
  exampleProject,
  singleFileProject,
  type Project,
  type Example,
  type RequestDraft,
  type Trace,
} from '../../src/index.ts';
import { DEFAULT_CODE } from '../state/defaultExample.ts';
import {
  DEFAULT_RUN_SETTINGS,
  type PlaygroundStore,
  type RunSettings,
} from '../state/playgroundStore.ts';

/** What loading an example replaced: enough to put it back. */
export interface ReplacedDraft {
  project: Project;
  request: RequestDraft;
  settings: RunSettings;
}

/** The example on screen, and the person's own draft it replaced, if any. */
export interface LoadedExample {
  example: Example;
  /** The person's draft from before the first example they loaded (null if it was ours). */
  replaced: ReplacedDraft | null;
}

interface Session {
  loaded: LoadedExample | null;
  listeners: Set<() => void>;
}

// One session per store: the banner, the gallery and a deep link all see the same one.
const sessions = new WeakMap<PlaygroundStore, Session>();

function sessionOf(store: PlaygroundStore): Session {
  let session = sessions.get(store);
  if (!session) {
    session = { loaded: null, listeners: new Set() };
    sessions.set(store, session);
  }
  return session;
}

function setLoaded(store: PlaygroundStore, loaded: LoadedExample | null): void {
  const session = sessionOf(store);
  session.loaded = loaded;
  for (const listener of session.listeners) listener();
}

/** The files of a project, compared as the person sees them (trailing blank lines aside). */
const filesKey = (project: Project): string =>
  JSON.stringify(Object.entries(project.files).map(([path, text]) => [path, text.trimEnd()]));

const OURS = new Set([
  filesKey(singleFileProject(DEFAULT_CODE)),
  ...EXAMPLES.map((example) => filesKey(exampleProject(example))),
]);

/** Whether `project` is the person's own: neither the first-visit app nor an untouched example. */
export function isOwnProject(project: Project): boolean {
  return !OURS.has(filesKey(project));
}

/**
 * Load `example` into the playground and run it: its code, its request, the default settings
 * (the validate comparison stays as the person set it). The person's own code is kept for
 * {@link undoLoad}. Resolves with the run's Trace.
 *
 * @example
 * const example = exampleById('bug-connection-close');
 * if (example) loadExample(store, example).catch(() => {});
 */
export function loadExample(store: PlaygroundStore, example: Example): Promise<Trace> {
  const before = store.getState();
  // Going from one example to the next keeps the draft the first one replaced.
  const replaced = isOwnProject(before.project)
    ? { project: before.project, request: before.request, settings: before.settings }
    : (sessionOf(store).loaded?.replaced ?? null);
  const bench = exampleWorkbench(example, before.settings.compareValidate ?? false);
  // An example with packages gets them from the index the person chose (a mirror, say).
  const { indexUrl } = before.project;
  store.setProject(
    bench.project.requirements && indexUrl ? { ...bench.project, indexUrl } : bench.project,
  );
  store.setRequest(bench.request);
  store.setSettings(bench.settings);
  setLoaded(store, { example, replaced });
  return store.run();
}

/**
 * What an example runs: its project, its request, and its own settings (a client fault) over
 * the defaults — with `compareValidate` as the person had it.
 */
export function exampleWorkbench(
  example: Example,
  compareValidate: boolean,
): { project: Project; request: RequestDraft; settings: RunSettings } {
  const own = Object.entries(example.settings ?? {}).filter(([key]) => key in DEFAULT_RUN_SETTINGS);
  return {
    project: exampleProject(example),
    request: exampleDraft(example.request),
    settings: { ...DEFAULT_RUN_SETTINGS, ...Object.fromEntries(own), compareValidate },
  };
}

/** Put back the draft the examples replaced, forget the example, and run it. */
export function undoLoad(store: PlaygroundStore): Promise<Trace> | null {
  const replaced = sessionOf(store).loaded?.replaced;
  if (!replaced) return null;
  store.setProject(replaced.project);
  store.setRequest(replaced.request);
  store.setSettings(replaced.settings);
  setLoaded(store, null);
  return store.run();
}

/** Hide the example's banner (its code stays). */
export function dismissExample(store: PlaygroundStore): void {
  setLoaded(store, null);
}

/** The example on screen, if any. */
export function loadedExample(store: PlaygroundStore): LoadedExample | null {
  return sessionOf(store).loaded;
}

/** Call `listener` when the example on screen changes; returns the unsubscribe function. */
export function subscribeLoadedExample(store: PlaygroundStore, listener: () => void): () => void {
  const { listeners } = sessionOf(store);
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The example after `example` in course order, if any. */
export function nextExample(example: Example): Example | undefined {
  return EXAMPLES[EXAMPLES.findIndex((candidate) => candidate.id === example.id) + 1];
}

/** The first sentence of an example's explanation, as a one-line teaser. */
export function teaserOf(example: Example): string {
  return example.explanation.split(/(?<=[.!?])\s+(?=[A-Z"'])/)[0] ?? example.explanation;
}
