/**
 * A lock: what a project's requirements resolved to, file by file with the sha256 each must
 * have. It travels in links (so a link reproduces the same versions) and is kept beside the
 * cached wheels (so the next visit installs them without reaching the index).
 */

/** One wheel a lock installs. */
export interface LockedPin {
  /** The project's name as its metadata spells it. */
  name: string;
  version: string;
  filename: string;
  /** The sha256 (hex) the file must have; it is checked before every install. */
  sha256: string;
  /** Where the index serves it; '' for a wheel the person added by hand. */
  url: string;
}

/** A resolved set of requirements. */
export interface PackageLock {
  /** The requirements as given (`flask`, `bottle==0.13.2`). */
  requirements: string[];
  /** The index they were resolved against. */
  indexUrl: string;
  /** Dependencies before their dependents. */
  pins: LockedPin[];
}
