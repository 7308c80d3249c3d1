/**
 * The warm-up apps a package set's image runs before it is made (runtime/packageWarmups.ts)
 * work with the real frameworks (Debian 13's wheels): each answers its requests with no error
 * finding, so the image is warmed by real requests and never fails to be made because of one.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PACKAGE_WARMUPS } from '../runtime/packageWarmups.ts';
import { runTrace } from './runCli.testing.ts';

const WHEELS =
  process.env.DEBIAN_WHEELS ??
  join(import.meta.dirname, '..', '..', 'node_modules', '.cache', 'debian-wheels');
const haveWheels = existsSync(WHEELS) && readdirSync(WHEELS).some((n) => n.startsWith('Flask-'));
const folder = mkdtempSync(join(tmpdir(), 'wsgi-warmups-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe.skipIf(!haveWheels)(
  `the package images' warm-ups${haveWheels ? '' : ` (skipped: no wheels in ${WHEELS})`}`,
  () => {
    for (const [name, warmup] of Object.entries(PACKAGE_WARMUPS)) {
      it(`${name}: each warm-up request is answered, with no error finding`, async () => {
        const file = join(folder, `warm_${name}.py`);
        writeFileSync(file, warmup.code);
        const statuses = [];
        for (const target of warmup.targets) {
          const ran = await runTrace(
            file,
            '--callable',
            'app',
            '--with',
            name,
            '--find-links',
            WHEELS,
            '--no-index',
            '--url',
            target,
            '--json',
          );
          expect(ran.status, ran.err).toBe(0);
          const json = JSON.parse(ran.out) as {
            outcome: string;
            status: string;
            findings: { severity: string }[];
          };
          expect(json.outcome).toBe('complete');
          expect(json.findings.filter((finding) => finding.severity === 'error')).toEqual([]);
          statuses.push(json.status.slice(0, 3));
        }
        expect(statuses).toEqual(['200', '404']);
      }, 60_000);
    }
  },
);
