/**
 * PEP 440 versions: parsed the way packaging's `Version` reads them (so `1.0RC1`, `v1.0` and
 * `1.0-1` are accepted and normalised) and ordered as PEP 440 says: dev < pre < final < post,
 * and a local version (`+abc`) after its public one.
 */

/** A pre-release's phase, normalised (`alpha` → `a`, `beta` → `b`, `c`/`pre`/`preview` → `rc`). */
export type PrePhase = 'a' | 'b' | 'rc';

/** A parsed PEP 440 version. */
export interface Version {
  /** The text it was read from, trimmed. */
  text: string;
  epoch: number;
  release: readonly number[];
  pre: readonly [PrePhase, number] | null;
  post: number | null;
  dev: number | null;
  /** The local label's segments (`+ubuntu.1` → `['ubuntu', 1]`), or null. */
  local: readonly (string | number)[] | null;
}

// packaging's VERSION_PATTERN: 1 epoch, 2 release, 3-4 pre, 5-7 post, 8-9 dev, 10 local.
const VERSION_PATTERN =
  /^v?(?:(\d+)!)?(\d+(?:\.\d+)*)(?:[-_.]?(alpha|a|beta|b|preview|pre|c|rc)[-_.]?(\d+)?)?(?:-(\d+)|[-_.]?(post|rev|r)[-_.]?(\d+)?)?(?:[-_.]?(dev)[-_.]?(\d+)?)?(?:\+([a-z0-9]+(?:[-_.][a-z0-9]+)*))?$/i;

const PHASES: Readonly<Record<string, PrePhase>> = {
  a: 'a',
  alpha: 'a',
  b: 'b',
  beta: 'b',
  c: 'rc',
  rc: 'rc',
  pre: 'rc',
  preview: 'rc',
};

const PHASE_ORDER: Readonly<Record<PrePhase, number>> = { a: 0, b: 1, rc: 2 };

/** A version string parsed, or null when it is not PEP 440. */
export function parseVersion(text: string): Version | null {
  const trimmed = text.trim();
  const match = VERSION_PATTERN.exec(trimmed);
  if (!match) return null;
  const [, epoch, release, preL, preN, postN1, postL, postN2, devL, devN, local] = match;
  const phase = preL === undefined ? undefined : PHASES[preL.toLowerCase()];
  return {
    text: trimmed,
    epoch: epoch === undefined ? 0 : Number(epoch),
    release: (release ?? '0').split('.').map(Number),
    pre: phase === undefined ? null : [phase, Number(preN ?? 0)],
    post: postN1 !== undefined ? Number(postN1) : postL !== undefined ? Number(postN2 ?? 0) : null,
    dev: devL === undefined ? null : Number(devN ?? 0),
    local:
      local === undefined
        ? null
        : local
            .toLowerCase()
            .split(/[-_.]/)
            .map((part) => (/^\d+$/.test(part) ? Number(part) : part)),
  };
}

/** Whether a version is a pre-release (a dev release counts, as in PEP 440). */
export function isPrerelease(version: Version): boolean {
  return version.pre !== null || version.dev !== null;
}

/** The version without its local label. */
export function publicVersion(version: Version): Version {
  return { ...version, local: null };
}

/** The version's epoch and release only (`1.2rc1.post3+x` → `1.2`). */
export function baseVersion(version: Version): Version {
  return { ...version, pre: null, post: null, dev: null, local: null };
}

function compareNumbers(a: number, b: number): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Two releases compared, the shorter padded with zeros (`1.0` equals `1.0.0`). */
export function compareReleases(a: readonly number[], b: readonly number[]): number {
  for (let index = 0; index < Math.max(a.length, b.length); index += 1) {
    const order = compareNumbers(a[index] ?? 0, b[index] ?? 0);
    if (order !== 0) return order;
  }
  return 0;
}

// packaging's _cmpkey: a bare dev release sorts before the pre-releases of its release.
function preKey(version: Version): [number, number] {
  if (version.pre === null && version.post === null && version.dev !== null) return [-1, 0];
  if (version.pre === null) return [3, 0];
  return [PHASE_ORDER[version.pre[0]], version.pre[1]];
}

// Local segments: a number sorts after a word, and a longer label after its prefix.
function compareLocals(a: Version['local'], b: Version['local']): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? -1 : 1;
  for (let index = 0; index < Math.max(a.length, b.length); index += 1) {
    const x = a[index];
    const y = b[index];
    if (x === undefined || y === undefined) return x === y ? 0 : x === undefined ? -1 : 1;
    if (typeof x !== typeof y) return typeof x === 'number' ? 1 : -1;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

/** Negative, zero or positive as `a` sorts before, with or after `b` in PEP 440 order. */
export function compareVersions(a: Version, b: Version): number {
  const [aPhase, aPre] = preKey(a);
  const [bPhase, bPre] = preKey(b);
  const steps = [
    () => compareNumbers(a.epoch, b.epoch),
    () => compareReleases(a.release, b.release),
    () => compareNumbers(aPhase, bPhase),
    () => compareNumbers(aPre, bPre),
    () => compareNumbers(a.post ?? -1, b.post ?? -1),
    () => compareNumbers(a.dev ?? Infinity, b.dev ?? Infinity),
    () => compareLocals(a.local, b.local),
  ];
  for (const step of steps) {
    const order = step();
    if (order !== 0) return order;
  }
  return 0;
}
