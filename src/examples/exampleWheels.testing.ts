/**
 * The wheels an example's requirements resolve to, for the tests that run examples in the
 * Node engine: the pure-Python wheels of Debian 13's packages that
 * `node scripts/debian-wheels.mjs` builds, resolved as the CLI's
 * `--with SPEC --find-links DIR --no-index` does (its `packagesFor`). Where that folder is
 * absent, the tests skip the examples with requirements and say why.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packagesFor } from '../cli/installPackages.ts';
import { readDirOfNode } from '../cli/main.ts';
import type { WheelFile } from '../runtime/installWheels.ts';
import type { Example } from './example.ts';

/** The folder of Debian's wheels (`DEBIAN_WHEELS` overrides it, as for the framework tests). */
export const DEBIAN_WHEELS =
  process.env.DEBIAN_WHEELS ??
  join(import.meta.dirname, '..', '..', 'node_modules', '.cache', 'debian-wheels');

/** Whether the folder holds wheels at all. */
export const HAVE_DEBIAN_WHEELS =
  existsSync(DEBIAN_WHEELS) && readdirSync(DEBIAN_WHEELS).some((name) => name.endsWith('.whl'));

/** Why an example with requirements was skipped. */
export const NO_WHEELS = `skipped: no wheels in ${DEBIAN_WHEELS} (node scripts/debian-wheels.mjs builds them)`;

/** Whether `example` cannot run here: it has requirements and there are no wheels to install. */
export function lacksWheels(example: Pick<Example, 'requirements'>): boolean {
  return (example.requirements?.length ?? 0) > 0 && !HAVE_DEBIAN_WHEELS;
}

const plans = new Map<string, Promise<WheelFile[]>>();

/** The wheel files `example`'s requirements resolve to (none without requirements). */
export function exampleWheels(example: Pick<Example, 'id' | 'requirements'>): Promise<WheelFile[]> {
  const requirements = example.requirements ?? [];
  if (requirements.length === 0) return Promise.resolve([]);
  const key = JSON.stringify(requirements);
  let plan = plans.get(key);
  if (!plan) {
    const options = {
      requirements,
      findLinks: [DEBIAN_WHEELS],
      noIndex: true,
      indexUrl: '',
      cacheDir: '',
      python: null,
    };
    plan = packagesFor(options, { readFile: readFileSync, readDir: readDirOfNode }).then(
      (resolved) => {
        if ('error' in resolved) throw new Error(`example ${example.id}: ${resolved.error}`);
        return resolved.wheels;
      },
    );
    plans.set(key, plan);
  }
  return plan;
}
