/**
 * The person's draft (code, request, settings) and a short history of runs, kept in the
 * page's localStorage (out of the worker's reach). Versioned: data written by another
 * version, or damaged, falls back to nothing instead of breaking the page.
 */
import * as v from 'valibot';
import { SettingsSchema, type Settings } from '../trace/schema.ts';
import type { RequestDraft } from '../request/requestDraft.ts';

/** The subset of `Storage` this module uses (passed in, so tests use a Map). */
export type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

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

export const DRAFT_KEY = 'wsgi-playground:draft';
export const HISTORY_KEY = 'wsgi-playground:history';
const DRAFT_VERSION = 1;
/** Runs kept in the history. */
export const HISTORY_LIMIT = 20;

const fieldRow = v.object({ name: v.string(), value: v.string(), enabled: v.boolean() });
const requestDraft = v.object({
  method: v.string(),
  target: v.string(),
  headers: v.array(fieldRow),
  body: v.object({
    mode: v.picklist(['none', 'raw', 'json', 'form', 'multipart']),
    raw: v.string(),
    rawContentType: v.string(),
    json: v.string(),
    form: v.array(fieldRow),
    multipart: v.array(
      v.object({
        name: v.string(),
        kind: v.picklist(['text', 'file']),
        value: v.string(),
        filename: v.string(),
        contentType: v.string(),
        dataBase64: v.string(),
        enabled: v.boolean(),
      }),
    ),
  }),
});
const DraftV1 = v.object({
  version: v.literal(1),
  draft: v.object({
    code: v.string(),
    request: requestDraft,
    settings: v.partial(SettingsSchema),
    runInFlight: v.boolean(),
  }),
});
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
      request: v.optional(requestDraft),
      settings: v.optional(v.partial(SettingsSchema)),
    }),
  ),
});

function read(storage: KeyValueStorage, key: string): unknown {
  try {
    const text = storage.getItem(key);
    return text === null ? null : JSON.parse(text);
  } catch {
    return null; // unreadable storage or damaged JSON: as if nothing was saved
  }
}

function write(storage: KeyValueStorage, key: string, value: unknown): boolean {
  try {
    storage.setItem(key, JSON.stringify(value));
    return true;
  } catch {
    return false; // quota exceeded or storage disabled: keep working without saving
  }
}

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
  const parsed = v.safeParse(DraftV1, read(storage, DRAFT_KEY));
  if (!parsed.success) return null;
  const { settings, ...rest } = parsed.output.draft;
  return { ...rest, settings: definedSettings(settings) };
}

/** Save the draft; returns false when the storage refused it. */
export function saveDraft(storage: KeyValueStorage, draft: SavedDraft): boolean {
  return write(storage, DRAFT_KEY, { version: DRAFT_VERSION, draft });
}

/** The run history, newest first. */
export function loadHistory(storage: KeyValueStorage): HistoryEntry[] {
  const parsed = v.safeParse(HistoryV1, read(storage, HISTORY_KEY));
  if (!parsed.success) return [];
  return parsed.output.entries.map(({ settings, request, ...entry }) => ({
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
  while (!write(storage, HISTORY_KEY, { version: 1, entries }) && entries.length > 1) {
    entries = entries.slice(0, Math.ceil(entries.length / 2));
  }
  return entries;
}

/** Forget the run history. */
export function clearHistory(storage: KeyValueStorage): void {
  try {
    storage.removeItem(HISTORY_KEY);
  } catch {
    // Storage disabled: there is nothing to forget.
  }
}
