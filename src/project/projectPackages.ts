/**
 * A project's packages: its requirements (as requirements.txt lines), the index they resolve
 * against, and the wheels added by hand. A project stores each only when it differs from the
 * default (none, PyPI, none), so that a project without packages looks as it always did.
 */
import { DEFAULT_INDEX_URL, type HandWheelEntry, type Project } from './project.ts';

/** A project's packages, defaults filled in. */
export interface ProjectPackages {
  requirements: readonly string[];
  indexUrl: string;
  handWheels: readonly HandWheelEntry[];
}

/** The packages of `project`, defaults filled in. */
export function projectPackages(project: Project): ProjectPackages {
  return {
    requirements: project.requirements ?? [],
    indexUrl: project.indexUrl ?? DEFAULT_INDEX_URL,
    handWheels: project.handWheels ?? [],
  };
}

/** Whether a run of `project` installs anything (requirements or hand-added wheels). */
export function hasPackages(project: Project): boolean {
  const { requirements, handWheels } = projectPackages(project);
  return requirements.length > 0 || handWheels.length > 0;
}

/** `project` with `change` made to its packages (a default is left out, not stored). */
export function withPackages(project: Project, change: Partial<ProjectPackages>): Project {
  const next = { ...projectPackages(project), ...change };
  return {
    files: project.files,
    entry: project.entry,
    ...(next.requirements.length > 0 ? { requirements: [...next.requirements] } : {}),
    ...(next.indexUrl === DEFAULT_INDEX_URL ? {} : { indexUrl: next.indexUrl }),
    ...(next.handWheels.length > 0 ? { handWheels: [...next.handWheels] } : {}),
  };
}

/**
 * One string naming what a project's packages install from: runs whose projects agree on it
 * install the same wheels (the requirements in order, the index, the hand wheels' sha256s).
 */
export function packagesKey(project: Project): string {
  const { requirements, indexUrl, handWheels } = projectPackages(project);
  return JSON.stringify([requirements, indexUrl, handWheels.map((wheel) => wheel.sha256).sort()]);
}
