/**
 * The packages part of a share link's payload (version 3): the project's requirements `r`, its
 * index `i` unless it is PyPI, its hand-added wheels `w` as `[filename, sha256]`, and the lock's
 * pins `p` as `[name, version, filename, sha256, url]` (url '' for a wheel added by hand), so
 * that opening the link installs the same versions. Each is left out when empty.
 */
import * as v from 'valibot';
import type { LockedPin, PackageLock } from '../packages/lock.ts';
import type { Project } from '../project/project.ts';
import { projectPackages } from '../project/projectPackages.ts';

const SHA256 = v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/));
const PIN_URL = v.pipe(
  v.string(),
  v.check((url) => url === '' || /^https?:\/\//.test(url), 'is an http(s) URL or empty'),
);

/** The payload's package fields (spread into version 3's object schema). */
export const PACKAGE_FIELDS = {
  r: v.optional(v.array(v.string())),
  i: v.optional(v.string()),
  w: v.optional(v.array(v.strictTuple([v.string(), v.string()]))),
  p: v.optional(v.array(v.strictTuple([v.string(), v.string(), v.string(), SHA256, PIN_URL]))),
};
const PackageFields = v.object(PACKAGE_FIELDS);
type PackageFields = v.InferOutput<typeof PackageFields>;

/** Whether `lock` was resolved for the requirements and index `project` has now. */
export function lockFits(lock: PackageLock, project: Project): boolean {
  const { requirements, indexUrl } = projectPackages(project);
  return (
    lock.indexUrl === indexUrl &&
    lock.requirements.length === requirements.length &&
    lock.requirements.every((requirement, at) => requirement === requirements[at])
  );
}

/** The payload fields of a project's packages, and of `lock` when it is the project's. */
export function packageFieldsOf(project: Project, lock: PackageLock | undefined): PackageFields {
  const fields: PackageFields = {};
  if (project.requirements?.length) fields.r = [...project.requirements];
  if (project.indexUrl !== undefined) fields.i = project.indexUrl;
  if (project.handWheels?.length)
    fields.w = project.handWheels.map((wheel) => [wheel.filename, wheel.sha256]);
  if (lock && lock.pins.length > 0 && lockFits(lock, project))
    fields.p = lock.pins.map((pin) => [pin.name, pin.version, pin.filename, pin.sha256, pin.url]);
  return fields;
}

/** The project fields a payload's package fields hold (checked with the project's schema). */
export function packagesOfFields(p: PackageFields): Partial<Project> {
  return {
    ...(p.r ? { requirements: p.r } : {}),
    ...(p.i === undefined ? {} : { indexUrl: p.i }),
    ...(p.w ? { handWheels: p.w.map(([filename, sha256]) => ({ filename, sha256 })) } : {}),
  };
}

/** The lock a payload's pins make for `project`, or null when it holds none. */
export function lockOfFields(project: Project, p: PackageFields): PackageLock | null {
  if (!p.p) return null;
  const { requirements, indexUrl } = projectPackages(project);
  const pins = p.p.map(([name, version, filename, sha256, url]): LockedPin => ({
    name,
    version,
    filename,
    sha256,
    url,
  }));
  return { requirements: [...requirements], indexUrl, pins };
}
