/**
 * The local package index (packageIndexServer.mjs) over Debian's wheels: its pages parse as
 * src/packages/simpleIndex.ts reads an index (JSON and HTML alike), each file's bytes and
 * METADATA match the sha256 listed, every response can be read by a cross-origin isolated
 * page on another origin, and the CLI's index client resolves Flask with it.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryWheelCache, preparePackages } from '../src/packages/index.ts';
import { parseProjectPage, projectUrl, SIMPLE_ACCEPT } from '../src/packages/simpleIndex.ts';
import { startPackageIndex, type PackageIndex } from './packageIndexServer.mjs';

const WHEELS =
  process.env.DEBIAN_WHEELS ??
  join(import.meta.dirname, '..', 'node_modules', '.cache', 'debian-wheels');
const haveWheels = existsSync(WHEELS) && readdirSync(WHEELS).some((n) => n.startsWith('Flask-'));
const sha256 = (bytes: ArrayBuffer) =>
  createHash('sha256').update(new Uint8Array(bytes)).digest('hex');

describe.skipIf(!haveWheels)(
  `the local package index${haveWheels ? '' : ` (skipped: no wheels in ${WHEELS}; node scripts/debian-wheels.mjs builds them)`}`,
  () => {
    let index: PackageIndex;
    beforeAll(async () => {
      index = await startPackageIndex({ wheelsDir: WHEELS });
    });
    afterAll(async () => {
      await index.close();
    });

    it('serves a PEP 691 page whose files match their sha256 and METADATA', async () => {
      expect(index.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/simple\/$/);
      const page = projectUrl(index.url, 'flask');
      const response = await fetch(page, { headers: { Accept: SIMPLE_ACCEPT } });
      expect(response.status).toBe(200);
      const type = response.headers.get('content-type') ?? '';
      expect(type).toBe('application/vnd.pypi.simple.v1+json');
      const [file, ...others] = parseProjectPage(await response.text(), type, page);
      expect(others).toEqual([]);
      expect(file).toMatchObject({
        filename: 'Flask-3.1.1-py3-none-any.whl',
        hasMetadata: true,
        yanked: false,
        requiresPython: '>=3.9',
      });
      const wheel = await fetch(file?.url ?? '');
      expect(sha256(await wheel.arrayBuffer())).toBe(file?.sha256);
      const metadata = await (await fetch(`${file?.url}.metadata`)).text();
      expect(metadata).toMatch(/^Metadata-Version: .*\nName: Flask\nVersion: 3\.1\.1\n/);
    });

    it('serves the same files as PEP 503 HTML, under a normalized name', async () => {
      const json = await fetch(projectUrl(index.url, 'markupsafe'), {
        headers: { Accept: SIMPLE_ACCEPT },
      });
      const page = projectUrl(index.url, 'MarkupSafe'); // redirected to markupsafe/
      const response = await fetch(page, { headers: { Accept: 'text/html' } });
      expect(response.url).toBe(projectUrl(index.url, 'markupsafe'));
      const type = response.headers.get('content-type') ?? '';
      expect(type).toMatch(/^text\/html/);
      const html = parseProjectPage(await response.text(), type, response.url);
      const fromJson = parseProjectPage(await json.text(), 'application/json', json.url);
      expect(html).toEqual(fromJson);
      expect(html.map((file) => file.filename)).toEqual(['MarkupSafe-2.1.5-py3-none-any.whl']);
      expect((await fetch(projectUrl(index.url, 'nosuchpackage'))).status).toBe(404);
    });

    it('lets a cross-origin isolated page on another origin read everything', async () => {
      const page = await fetch(projectUrl(index.url, 'bottle'));
      const preflight = await fetch(projectUrl(index.url, 'bottle'), {
        method: 'OPTIONS',
        headers: {
          Origin: 'http://localhost:4173',
          'Access-Control-Request-Method': 'GET',
          'Access-Control-Request-Headers': 'accept',
        },
      });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get('access-control-allow-headers')).toBe('accept');
      for (const response of [page, preflight]) {
        expect(response.headers.get('access-control-allow-origin')).toBe('*');
        expect(response.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
      }
      expect(index.requests.slice(-2)).toEqual(['/simple/bottle/', '/simple/bottle/']);
    });

    it('resolves Flask and its dependencies with the index client the page and the CLI use', async () => {
      const prepared = await preparePackages(
        { requirements: ['flask'], indexUrl: index.url, handWheels: [] },
        { fetch, cache: memoryWheelCache() },
      );
      expect(prepared.ok).toBe(true);
      const pins = prepared.ok ? prepared.lock.pins.map((pin) => `${pin.name} ${pin.version}`) : [];
      expect(pins).toContain('Flask 3.1.1');
      expect(pins).toContain('Werkzeug 3.1.3');
    });
  },
);
