/**
 * Fidelity: for every case of the table, the wire bytes of the traced run in Pyodide equal
 * what CPython's own `wsgiref.handlers.SimpleHandler` writes for the same app and request —
 * both the native `python3` on this machine and the same wsgiref inside Pyodide. `Date` aside.
 * `npm run fidelity` runs this file alone and prints the counts.
 *
 * The whole table runs in one long-lived interpreter (a restore per case would take minutes);
 * a sample of it also runs through the isolated engine, each case on its own restored
 * interpreter, so the image is held to the same bytes.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadFidelityCases, withoutDate } from '../python/fidelityCases.ts';
import { fromBase64 } from '../trace/bytes.ts';
import { traceFromJson } from './engine.ts';
import { createNodeEngine, createPyodideSession, type NodeEngine } from './nodeEngine.ts';
import type { PyodideSession } from './pyodideSession.ts';
import { toRunJob } from './runInput.ts';

const cases = loadFidelityCases();
let session: PyodideSession;
let engine: NodeEngine;
beforeAll(async () => {
  [session, engine] = await Promise.all([createPyodideSession(), createNodeEngine()]);
});

function nativeReference(): { version: string; wires: string[] } | null {
  const python = process.env.PYTHON ?? 'python3';
  try {
    const version = execFileSync(python, ['-c', 'import sys; print(sys.version.split()[0])'])
      .toString()
      .trim();
    const input = JSON.stringify(cases.map((c) => toRunJob(c)));
    const out = execFileSync(python, ['-m', 'wsgi_playground.reference'], {
      cwd: join(import.meta.dirname, '..', 'python'),
      input,
      maxBuffer: 64 * 1024 * 1024,
    });
    return { version, wires: JSON.parse(out.toString()) as string[] };
  } catch {
    return null;
  }
}

describe('wire fidelity with CPython wsgiref', () => {
  it('has a table of many apps, requests and settings', () => {
    expect(cases.length).toBeGreaterThanOrEqual(400);
  });

  it('matches wsgiref inside Pyodide, and native CPython where python3 exists', async () => {
    const native = nativeReference();
    let pyodideMatches = 0;
    let nativeMatches = 0;
    const mismatches: string[] = [];
    for (const [i, c] of cases.entries()) {
      const trace = traceFromJson(session.runJson(toRunJob(c)));
      const ours = withoutDate(fromBase64(trace.response.wireBase64));
      const inPyodide = withoutDate(fromBase64(session.referenceWire(toRunJob(c))));
      if (ours === inPyodide) pyodideMatches++;
      else mismatches.push(`${c.name} (Pyodide wsgiref)`);
      if (native) {
        if (ours === withoutDate(fromBase64(native.wires[i] ?? ''))) nativeMatches++;
        else mismatches.push(`${c.name} (CPython ${native.version} wsgiref)`);
      }
    }
    console.log(
      `fidelity: ${pyodideMatches} of ${cases.length} cases byte-identical to wsgiref in Pyodide; ` +
        (native
          ? `${nativeMatches} of ${cases.length} to native CPython ${native.version} wsgiref`
          : 'native python3 not found, native comparison skipped'),
    );
    expect(mismatches).toEqual([]);
    if (process.env.CI)
      expect(native, 'python3 is needed for the native comparison').not.toBeNull();
  });

  it('gives the same bytes on interpreters restored from the image, one per run', async () => {
    expect(engine.source).toBe('image');
    const sample = cases.filter((_, i) => i % 12 === 0);
    const mismatches: string[] = [];
    for (const c of sample) {
      const trace = await engine.run(c);
      const expected = withoutDate(fromBase64(session.referenceWire(toRunJob(c))));
      if (withoutDate(fromBase64(trace.response.wireBase64)) !== expected) mismatches.push(c.name);
    }
    console.log(
      `fidelity: ${sample.length - mismatches.length} of ${sample.length} sampled cases byte-identical on restored interpreters`,
    );
    expect(mismatches).toEqual([]);
  });
});
