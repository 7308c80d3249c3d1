/**
 * The wheels on offer, grouped by project and version, each version with the wheel Pyodide
 * would install (a Pyodide build before a pure-Python one, as pip prefers the more specific
 * tag) and whether its `Requires-Python` admits the interpreter.
 */
import type { MarkerEnvironment } from './environment.ts';
import { parseMetadata, type WheelMetadata } from './metadata.ts';
import { parseSpecifierSet, satisfies } from './specifier.ts';
import { compareVersions, parseVersion, type Version } from './version.ts';
import { fitsPyodide, isPyodideBuild, parseWheelName, type WheelName } from './wheelName.ts';

/** One wheel file on offer: its filename and the text of its `METADATA`. */
export interface Candidate {
  filename: string;
  metadata: string;
  sha256?: string;
}

/** A wheel file read: its name's parts and its metadata. */
export interface Wheel {
  candidate: Candidate;
  name: WheelName;
  metadata: WheelMetadata;
}

/** One version of a project and the wheels offered for it. */
export interface Release {
  /** The project's name as its metadata (else its filename) spells it. */
  name: string;
  version: Version;
  wheels: Wheel[];
  /** The wheel to install in Pyodide, or null when none fits. */
  wheel: Wheel | null;
  /** Whether the chosen wheel's `Requires-Python` admits the interpreter (true if none). */
  pythonOk: boolean;
}

/** Whether a `Requires-Python` admits a Python version; an unreadable one is ignored, as pip does. */
export function admitsPython(requiresPython: string | null, pythonVersion: string): boolean {
  if (requiresPython === null) return true;
  try {
    return satisfies(pythonVersion, parseSpecifierSet(requiresPython), { prereleases: true });
  } catch {
    return true;
  }
}

function pickWheel(wheels: readonly Wheel[]): Wheel | null {
  const fitting = wheels.filter((wheel) => fitsPyodide(wheel.name));
  return fitting.find((wheel) => isPyodideBuild(wheel.name)) ?? fitting[0] ?? null;
}

/**
 * The candidates by PEP 503 name, each project's releases newest first. A file that is not a
 * wheel, or whose version is not PEP 440, is left out.
 */
export function indexCandidates(
  candidates: readonly Candidate[],
  env: MarkerEnvironment,
): Map<string, Release[]> {
  const byVersion = new Map<string, Map<string, Wheel[]>>();
  for (const candidate of candidates) {
    const name = parseWheelName(candidate.filename);
    if (name === null || parseVersion(name.version) === null) continue;
    const versions = byVersion.get(name.normalized) ?? new Map<string, Wheel[]>();
    const wheels = versions.get(name.version) ?? [];
    wheels.push({ candidate, name, metadata: parseMetadata(candidate.metadata) });
    versions.set(name.version, wheels);
    byVersion.set(name.normalized, versions);
  }
  const index = new Map<string, Release[]>();
  for (const [project, versions] of byVersion) {
    const releases = [...versions].map(([text, wheels]): Release => {
      const wheel = pickWheel(wheels);
      const first = wheel ?? wheels[0];
      return {
        name: first?.metadata.name ?? first?.name.name ?? project,
        version: parseVersion(text) as Version,
        wheels,
        wheel,
        pythonOk:
          wheel === null || admitsPython(wheel.metadata.requiresPython, env.python_full_version),
      };
    });
    index.set(
      project,
      releases.sort((a, b) => compareVersions(b.version, a.version)),
    );
  }
  return index;
}
