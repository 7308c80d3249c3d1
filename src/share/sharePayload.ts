/**
 * What a share link carries, version by version, before compression. Version 2 carries a
 * project: `app.py` apart as `c` (so a one-file link is as short as a v1 link), the other
 * files as `f`, the entry as `e` unless it is the default. Version 1 carried one file's `c`.
 * Version 3 adds the project's packages (see packageFields.ts); a link of a project without
 * packages is still written as version 2, which older pages read.
 */
import * as v from 'valibot';
import type { PackageLock } from '../packages/lock.ts';
import { DEFAULT_ENTRY, DEFAULT_FILE, ProjectSchema, type Project } from '../project/project.ts';
import type { RequestDraft } from '../request/requestDraftSchema.ts';
import type { Settings } from '../trace/schema.ts';
import { projectOfCode } from './legacyProject.ts';
import {
  lockOfFields,
  PACKAGE_FIELDS,
  packageFieldsOf,
  packagesOfFields,
} from './packageFields.ts';
import { REQUEST_FIELDS, requestFieldsOf, requestOfFields } from './shareRequestFields.ts';

/** What a link carries. */
export interface SharedRun {
  project: Project;
  request: RequestDraft;
  /** Only the settings that differ from the defaults. */
  settings: Partial<Settings>;
  /**
   * What the project's requirements resolved to, so that the link installs the same versions
   * (its requirements and index are the project's; a lock of others is not written).
   */
  lock?: PackageLock | undefined;
}

/** Version 1: one file's code. */
const PayloadV1 = v.object({ c: v.string(), ...REQUEST_FIELDS });
/** Version 2: a project. */
const PayloadV2 = v.object({
  /** The text of `app.py` when it is the first file. */
  c: v.optional(v.string()),
  /** The (other) files by path, in the project's order. */
  f: v.optional(v.record(v.string(), v.string())),
  /** The entry, when it is not `DEFAULT_ENTRY`. */
  e: v.optional(v.string()),
  ...REQUEST_FIELDS,
});
/** Version 3: a project and its packages. */
const PayloadV3 = v.object({ ...PayloadV2.entries, ...PACKAGE_FIELDS });
type PayloadV3 = v.InferOutput<typeof PayloadV3>;

/** The versions a link may be written in. */
export type ShareVersion = 1 | 2 | 3;
/** The newest format version. */
export const SHARE_VERSION: ShareVersion = 3;
/** Whether links of `version` can be read. */
export const isShareVersion = (version: number): version is ShareVersion =>
  version === 1 || version === 2 || version === 3;

/** The version a payload is written in: the oldest that holds it (3 only for packages). */
export function payloadVersion(payload: PayloadV3): ShareVersion {
  return Object.keys(PACKAGE_FIELDS).some((key) => Object.hasOwn(payload, key)) ? 3 : 2;
}

/** The payload of `run` (version 3's fields; see `payloadVersion`). */
export function toPayload(run: SharedRun): PayloadV3 {
  const { files, entry } = run.project;
  const [first] = Object.keys(files);
  const { [DEFAULT_FILE]: c, ...others } = files;
  const split = first === DEFAULT_FILE && c !== undefined;
  const f = split ? others : files;
  return {
    ...(split ? { c } : {}),
    ...(Object.keys(f).length ? { f } : {}),
    ...(entry === DEFAULT_ENTRY ? {} : { e: entry }),
    ...requestFieldsOf(run.request, run.settings),
    ...packageFieldsOf(run.project, run.lock),
  };
}

/** The project's fields a link carries besides its files and entry. */
const PACKAGE_KEYS = new Set(['requirements', 'indexUrl', 'handWheels']);

/** Why a project read from a link cannot be used, in the person's words. */
function projectProblem(issue: v.BaseIssue<unknown>): string {
  const first = issue.path?.[0]?.key;
  const last = issue.path?.at(-1);
  const subject =
    typeof first === 'string' && PACKAGE_KEYS.has(first)
      ? `its packages (${first})`
      : last?.origin === 'key'
        ? `the file name ${JSON.stringify(last.key)}`
        : last?.key === 'entry'
          ? `its entry ${JSON.stringify(issue.input)}`
          : 'its files';
  return `This link's project is damaged: ${subject} ${issue.message}.`;
}

function runOfV3(p: PayloadV3): SharedRun | { error: string } {
  if (p.c !== undefined && p.f && Object.hasOwn(p.f, DEFAULT_FILE))
    return { error: `This link's project is damaged: it holds ${DEFAULT_FILE} twice.` };
  const files = { ...(p.c === undefined ? {} : { [DEFAULT_FILE]: p.c }), ...p.f };
  const project = v.safeParse(ProjectSchema, {
    files,
    entry: p.e ?? DEFAULT_ENTRY,
    ...packagesOfFields(p),
  });
  if (!project.success) return { error: projectProblem(project.issues[0]) };
  const lock = lockOfFields(project.output, p);
  return { project: project.output, ...requestOfFields(p), ...(lock ? { lock } : {}) };
}

/** The run a decoded payload of `version` holds, or why it holds none. */
export function runOfPayload(version: ShareVersion, data: unknown): SharedRun | { error: string } {
  if (version === 1) {
    const parsed = v.safeParse(PayloadV1, data);
    if (!parsed.success)
      return { error: 'This link is corrupted: it lacks the code or the request.' };
    const { request, settings } = requestOfFields(parsed.output);
    return { request, ...projectOfCode(parsed.output.c, settings) };
  }
  // A version 2 link holds no package fields: reading it as version 3 finds none.
  const parsed = v.safeParse(version === 2 ? PayloadV2 : PayloadV3, data);
  if (!parsed.success)
    return { error: 'This link is corrupted: it lacks the project or the request.' };
  return runOfV3(parsed.output);
}
