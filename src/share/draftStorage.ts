/**
 * The person's draft (code, request, settings) and a short history of runs, kept in the
 * page's localStorage (out of the worker's reach). Versioned: a draft of an older format is
 * migrated to the current one; data of a newer version, or damaged, falls back to nothing
 * instead of breaking the page.
 */
import * as v from 'valibot';
import { SettingsSchema, type Settings } from '../trace/schema.ts';
import { RequestDraftSchema, type RequestDraft } from '../request/requestDraftSchema.ts';
import {
  loadVersioned,
  removeVersioned,
  saveVersioned,
  type KeyValueStorage,
} from './versionedStorage.ts';

export type { KeyValueStorage } from './versionedStorage.ts';

/** What is saved as the person types. */
export interface SavedDraft {
  code: string;
  request: RequestDraft;
  settings: Partial<Settings>;
  /** Set while a run is in flight: if the page finds it on load, that run never finished. */
  runInFlight: boolean;
}

/** One entry of the run history. */
export interface HistoryEntry {
  at: number;
  method: string;
  target: string;
  outcome: string;
  status: string | null;
  bodyPreview: string;
  code: string;
  /** The request and settings of the run, so that it can be restored (absent in old entries). */
  request?: RequestDraft | undefined;
  settings?: Partial<Settings> | undefined;
}

/** The storage key of the draft. */
export const DRAFT_KEY = 'wsgi-playground:draft';
/** The storage key of the run history. */
export const HISTORY_KEY = 'wsgi-playground:history';
/** Runs kept in the history. */
export const HISTORY_LIMIT = 20;

// The versions a draft may be stored in. Storing the next one (a project of several files
// instead of one `code`) is a change to this block alone, besides `SavedDraft` itself: a
// `DraftV2` schema, added to `StoredDraft` and made `CurrentDraft`, and in `migrate` a step
// `case 1: return migrate(v1ToV2(stored));` before `case 2: return stored.draft;`. Until
// `migrate` handles every version in `StoredDraft` the build fails (its switch lacks a return).
const DraftV1 = v.object({
  version: v.literal(1),
  draft: v.object({
    code: v.string(),
    request: RequestDraftSchema,
    settings: v.partial(SettingsSchema),
    runInFlight: v.boolean(),
  }),
});
const CurrentDraft = DraftV1;
const StoredDraft = v.variant('version', [DraftV1]);

/** Bring a stored draft of any known version to the current shape, one version at a time. */
function migrate(
  stored: v.InferOutput<typeof StoredDraft>,
): v.InferOutput<typeof CurrentDraft>['draft'] {
  switch (stored.version) {
    case 1:
      return stored.draft;
  }
}

const HistoryV1 = v.object({
  version: v.literal(1),
  entries: v.array(
    v.object({
      at: v.number(),
      method: v.string(),
      target: v.string(),
      outcome: v.string(),
      status: v.nullable(v.string()),
      bodyPreview: v.string(),
      code: v.string(),
      request: v.optional(RequestDraftSchema),
      settings: v.optional(v.partial(SettingsSchema)),
    }),
  ),
});

/** Settings without the keys whose value is undefined (as `Partial<Settings>` means them). */
function definedSettings(settings: Record<string, unknown>): Partial<Settings> {
  const clean: Partial<Settings> = {};
  for (const [key, value] of Object.entries(settings)) {
    if (value !== undefined) Object.assign(clean, { [key]: value });
  }
  return clean;
}

/** Load the saved draft, or null when there is none or it cannot be read. */
export function loadDraft(storage: KeyValueStorage): SavedDraft | null {
  const draft = loadVersioned(storage, DRAFT_KEY, StoredDraft, migrate);
  return draft && { ...draft, settings: definedSettings(draft.settings) };
}

/** Save the draft; returns false when the storage refused it. */
export function saveDraft(storage: KeyValueStorage, draft: SavedDraft): boolean {
  const envelope: v.InferInput<typeof CurrentDraft> = {
    version: CurrentDraft.entries.version.literal,
    draft,
  };
  return saveVersioned(storage, DRAFT_KEY, envelope);
}

/** The run history, newest first. */
export function loadHistory(storage: KeyValueStorage): HistoryEntry[] {
  const entries = loadVersioned(storage, HISTORY_KEY, HistoryV1, (stored) => stored.entries);
  return (entries ?? []).map(({ settings, request, ...entry }) => ({
    ...entry,
    ...(request ? { request } : {}),
    ...(settings ? { settings: definedSettings(settings) } : {}),
  }));
}

/**
 * Add a run to the history (newest first, at most `HISTORY_LIMIT`); returns the new list.
 * `replaceNewest` puts it in the place of the newest entry (a re-run of the same request).
 */
export function recordHistory(
  storage: KeyValueStorage,
  entry: HistoryEntry,
  { replaceNewest = false } = {},
): HistoryEntry[] {
  const older = loadHistory(storage).slice(replaceNewest ? 1 : 0);
  let entries = [entry, ...older].slice(0, HISTORY_LIMIT);
  // When the storage is full, keep fewer old runs rather than none (or no room for the draft).
  const version = HistoryV1.entries.version.literal;
  while (!saveVersioned(storage, HISTORY_KEY, { version, entries }) && entries.length > 1) {
    entries = entries.slice(0, Math.ceil(entries.length / 2));
  }
  return entries;
}

/** Forget the run history. */
export function clearHistory(storage: KeyValueStorage): void {
  removeVersioned(storage, HISTORY_KEY);
}
