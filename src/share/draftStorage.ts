/**
 * The person's draft (project, request, settings), kept in the page's localStorage (out of the
 * worker's reach); the run history beside it is in historyStorage.ts. Versioned: a draft of an
 * older format is migrated to the current one; data of a newer version, or damaged, falls back
 * to nothing instead of breaking the page.
 */
import * as v from 'valibot';
import { ProjectSchema, type Project } from '../project/project.ts';
import { SettingsSchema, type Settings } from '../trace/schema.ts';
import { RequestDraftSchema, type RequestDraft } from '../request/requestDraftSchema.ts';
import { definedSettings } from './definedSettings.ts';
import { projectOfCode } from './legacyProject.ts';
import { loadVersioned, saveVersioned, type KeyValueStorage } from './versionedStorage.ts';

export type { KeyValueStorage } from './versionedStorage.ts';
export * from './historyStorage.ts';

/** What is saved as the person types. */
export interface SavedDraft {
  project: Project;
  request: RequestDraft;
  settings: Partial<Settings>;
  /** Set while a run is in flight: if the page finds it on load, that run never finished. */
  runInFlight: boolean;
}

/** The storage key of the draft. */
export const DRAFT_KEY = 'wsgi-playground:draft';

// The versions a draft may be stored in. Storing the next one is a change to this block alone,
// besides `SavedDraft` itself: a `DraftV3` schema, added to `StoredDraft` and made
// `CurrentDraft`, and in `migrate` a step `case 2: return migrate(v2ToV3(stored));` before
// `case 3: return stored.draft;`. Until `migrate` handles every version in `StoredDraft` the
// build fails (its switch lacks a return).
const runFields = {
  request: RequestDraftSchema,
  settings: v.partial(SettingsSchema),
  runInFlight: v.boolean(),
};
/** Version 1: one file's `code` (named by `settings.filename`, entered at `settings.callable`). */
const DraftV1 = v.object({
  version: v.literal(1),
  draft: v.object({ code: v.string(), ...runFields }),
});
/** Version 2: a project. */
const DraftV2 = v.object({
  version: v.literal(2),
  draft: v.object({ project: ProjectSchema, ...runFields }),
});
const CurrentDraft = DraftV2;
const StoredDraft = v.variant('version', [DraftV1, DraftV2]);
type CurrentDraft = v.InferOutput<typeof CurrentDraft>;

/** A version 1 draft as version 2: its code is the project of that one file. */
function v1ToV2({ draft }: v.InferOutput<typeof DraftV1>): CurrentDraft {
  const { code, settings, ...rest } = draft;
  return { version: 2, draft: { ...rest, ...projectOfCode(code, definedSettings(settings)) } };
}

/** Bring a stored draft of any known version to the current shape, one version at a time. */
function migrate(stored: v.InferOutput<typeof StoredDraft>): CurrentDraft['draft'] {
  switch (stored.version) {
    case 1:
      return migrate(v1ToV2(stored));
    case 2:
      return stored.draft;
  }
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
