/**
 * A short history of runs, kept in the page's localStorage beside the draft. Versioned as the
 * draft is: entries of an older format are migrated; damaged or newer data reads as none.
 */
import * as v from 'valibot';
import { ProjectSchema, type Project } from '../project/project.ts';
import { RequestDraftSchema, type RequestDraft } from '../request/requestDraftSchema.ts';
import { SettingsSchema, type Settings } from '../trace/schema.ts';
import { definedSettings } from './definedSettings.ts';
import { projectOfCode } from './legacyProject.ts';
import {
  loadVersioned,
  removeVersioned,
  saveVersioned,
  type KeyValueStorage,
} from './versionedStorage.ts';

/** One entry of the run history. */
export interface HistoryEntry {
  at: number;
  method: string;
  target: string;
  outcome: string;
  status: string | null;
  bodyPreview: string;
  project: Project;
  /** The request and settings of the run, so that it can be restored (absent in old entries). */
  request?: RequestDraft | undefined;
  settings?: Partial<Settings> | undefined;
}

/** The storage key of the run history. */
export const HISTORY_KEY = 'wsgi-playground:history';
/** Runs kept in the history. */
export const HISTORY_LIMIT = 20;

const entryFields = {
  at: v.number(),
  method: v.string(),
  target: v.string(),
  outcome: v.string(),
  status: v.nullable(v.string()),
  bodyPreview: v.string(),
  request: v.optional(RequestDraftSchema),
  settings: v.optional(v.partial(SettingsSchema)),
};
/** Version 1 of the history: entries of one file's `code`. */
const HistoryV1 = v.object({
  version: v.literal(1),
  entries: v.array(v.object({ code: v.string(), ...entryFields })),
});
/** Version 2: entries of projects. */
const HistoryV2 = v.object({
  version: v.literal(2),
  entries: v.array(v.object({ project: ProjectSchema, ...entryFields })),
});
const StoredHistory = v.variant('version', [HistoryV1, HistoryV2]);

/** The entries of a stored history of any known version, as current entries. */
function migrateHistory(stored: v.InferOutput<typeof StoredHistory>): HistoryEntry[] {
  if (stored.version === 2) {
    return stored.entries.map(({ settings, request, ...entry }) => ({
      ...entry,
      ...(request ? { request } : {}),
      ...(settings ? { settings: definedSettings(settings) } : {}),
    }));
  }
  return migrateHistory({
    version: 2,
    entries: stored.entries.map(({ code, settings, ...entry }) => {
      const moved = projectOfCode(code, definedSettings(settings ?? {}));
      // An entry written without settings keeps none (it restores the request alone).
      return {
        ...entry,
        project: moved.project,
        ...(settings ? { settings: moved.settings } : {}),
      };
    }),
  });
}

/** The run history, newest first. */
export function loadHistory(storage: KeyValueStorage): HistoryEntry[] {
  return loadVersioned(storage, HISTORY_KEY, StoredHistory, migrateHistory) ?? [];
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
  const version = HistoryV2.entries.version.literal;
  while (!saveVersioned(storage, HISTORY_KEY, { version, entries }) && entries.length > 1) {
    entries = entries.slice(0, Math.ceil(entries.length / 2));
  }
  return entries;
}

/** Forget the run history. */
export function clearHistory(storage: KeyValueStorage): void {
  removeVersioned(storage, HISTORY_KEY);
}
