/**
 * The resolver's choices in the order to install them: each project after the ones it
 * depends on, so a package's import-time use of a dependency finds it installed.
 */
import type { Release } from './candidates.ts';
import type { Demand } from './resolveErrors.ts';

/** One wheel to install. */
export interface Pin {
  /** The project's name as its metadata spells it. */
  name: string;
  version: string;
  filename: string;
  sha256?: string;
  /** Who asked for it: `requirements` (the ones given) or `name version` of a dependent. */
  requestedBy: string[];
}

/** One project chosen: its release, the extras asked of it, and who asked. */
export interface Chosen {
  release: Release;
  extras: ReadonlySet<string>;
  demands: readonly Demand[];
  /** The projects its dependencies name (PEP 503), for the install order. */
  dependsOn: readonly string[];
}

/** The choices so far, by PEP 503 name. */
export type Choices = ReadonlyMap<string, Chosen>;

/** The choices as pins, each after the projects it depends on (a cycle is cut where met). */
export function installOrder(choices: Choices, roots: readonly Demand[]): Pin[] {
  const pins: Pin[] = [];
  const seen = new Set<string>();
  const visit = (key: string) => {
    const chosen = choices.get(key);
    if (chosen === undefined || seen.has(key)) return;
    seen.add(key);
    chosen.dependsOn.forEach(visit);
    const { release } = chosen;
    const wheel = release.wheel?.candidate;
    const sha256 = wheel?.sha256;
    pins.push({
      name: release.name,
      version: release.version.text,
      filename: wheel?.filename ?? '',
      ...(sha256 === undefined ? {} : { sha256 }),
      requestedBy: [...new Set(chosen.demands.map((demand) => demand.requester))],
    });
  };
  roots.forEach((root) => visit(root.requirement.normalized));
  [...choices.keys()].forEach(visit);
  return pins;
}
