/**
 * What the page opens with: a shared link, a gallery example, the saved draft or the default
 * app — decided from the URL fragment and the saved draft before anything is painted.
 */
import {
  exampleById,
  loadDraft,
  parseFragment,
  type Example,
  type FragmentRoute,
  type KeyValueStorage,
  type PackageLock,
  type Project,
  type RequestDraft,
  type SharedRun,
} from '../../src/index.ts';
import { DEFAULT_PROJECT, DEFAULT_REQUEST } from '../state/defaultExample.ts';
import { DEFAULT_RUN_SETTINGS, type RunSettings } from '../state/playgroundStore.ts';

/** Project, request and settings: what a link, a draft or a history entry restores. */
export interface Workbench {
  project: Project;
  request: RequestDraft;
  settings: RunSettings;
}

/** A message shown above the results about where the page's contents came from. */
export type Notice =
  { kind: 'shared'; version: number } | { kind: 'bad-link'; message: string } | { kind: 'hung' };

/** The page's starting point. */
export interface Startup {
  /** What the store starts with (the draft or the default app under a link that failed). */
  initial: Workbench;
  /** A shared run to load over it (not saved as the draft until the person edits it). */
  shared: { bench: Workbench; version: number } | null;
  /** A gallery example to load over it. */
  example: Example | null;
  /** Two runs a compare link holds, to open compared (over the draft, which stays). */
  compare: { a: Workbench; b: Workbench } | null;
  /** Notices about the link or the draft (the shared-link notice comes with `shared`). */
  notices: Notice[];
  /** Run as soon as Python is ready (not when the draft's last run never finished). */
  autoRun: boolean;
  /** The package locks the link brings (see `linkLocks`). */
  locks: { project: Project; lock: PackageLock }[];
}

/** Only the settings this page edits, over their defaults (a link may carry more or fewer). */
export function runSettingsFrom(settings: Partial<Record<string, unknown>>): RunSettings {
  const out: RunSettings = { ...DEFAULT_RUN_SETTINGS };
  for (const key of Object.keys(DEFAULT_RUN_SETTINGS) as (keyof RunSettings)[]) {
    const value = settings[key];
    const fallback = DEFAULT_RUN_SETTINGS[key];
    // A count that defaults to null (disconnectAfter: the client stays) takes a count.
    const count = fallback === null && Number.isInteger(value) && (value as number) >= 0;
    if (value !== undefined && (typeof value === typeof fallback || count))
      Object.assign(out, { [key]: value });
  }
  return out;
}

/** The locks a link brings, each with the project it was resolved for (its pins to follow). */
export function linkLocks(route: FragmentRoute): { project: Project; lock: PackageLock }[] {
  const runs =
    route.kind === 'share'
      ? [route.run]
      : route.kind === 'compare'
        ? [route.pair.a, route.pair.b]
        : [];
  return runs.flatMap(({ project, lock }) => (lock ? [{ project, lock }] : []));
}

/** A shared run as the store holds it. */
export function workbenchOf(run: SharedRun): Workbench {
  return { project: run.project, request: run.request, settings: runSettingsFrom(run.settings) };
}

/**
 * Decide what to open. `storage` is null in embed mode (an embed never reads or writes the
 * person's draft).
 */
export async function resolveStartup(
  hash: string,
  storage: KeyValueStorage | null,
): Promise<Startup> {
  const route = await parseFragment(hash);
  const draft = storage ? loadDraft(storage) : null;
  const initial: Workbench = draft
    ? { project: draft.project, request: draft.request, settings: runSettingsFrom(draft.settings) }
    : { project: DEFAULT_PROJECT, request: DEFAULT_REQUEST, settings: DEFAULT_RUN_SETTINGS };
  const startup: Startup = {
    initial,
    shared: null,
    example: null,
    compare: null,
    notices: [],
    autoRun: true,
    locks: linkLocks(route),
  };
  if (route.kind === 'share') {
    startup.shared = { bench: workbenchOf(route.run), version: route.version };
    return startup;
  }
  if (route.kind === 'compare')
    startup.compare = { a: workbenchOf(route.pair.a), b: workbenchOf(route.pair.b) };
  if (route.kind === 'example') {
    const example = exampleById(route.name);
    if (example) {
      startup.example = example;
      return startup;
    }
    startup.notices.push({
      kind: 'bad-link',
      message: `This link names the example “${route.name}”, which the gallery does not have.`,
    });
  }
  if (route.kind === 'error') startup.notices.push({ kind: 'bad-link', message: route.message });
  // The draft is what shows: if its last run hung, running it again on load would hang again.
  if (draft?.runInFlight) {
    startup.autoRun = false;
    startup.notices.push({ kind: 'hung' });
  }
  return startup;
}
