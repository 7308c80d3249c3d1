/**
 * Build small wheel files for tests (a zip with the package's files and its `.dist-info`:
 * METADATA, WHEEL and RECORD, as PEP 427 lays them out), so that no test needs the internet.
 */
import { strToU8, zipSync } from 'fflate';

/** A package to build: name, version, its files, and METADATA lines beyond Name and Version. */
export interface WheelSpec {
  name: string;
  version: string;
  files: Record<string, string>;
  metadata?: string[];
  tag?: string;
}

/** The wheel's file name and bytes. */
export function buildWheel(spec: WheelSpec): { filename: string; bytes: Uint8Array } {
  const distName = spec.name.replace(/[-.]+/g, '_');
  const distInfo = `${distName}-${spec.version}.dist-info`;
  const tag = spec.tag ?? 'py3-none-any';
  const metadata = [
    'Metadata-Version: 2.1',
    `Name: ${spec.name}`,
    `Version: ${spec.version}`,
    ...(spec.metadata ?? []),
    '',
    `The ${spec.name} package, built for a test.`,
  ].join('\n');
  const entries: Record<string, Uint8Array> = {};
  for (const [path, text] of Object.entries(spec.files)) entries[path] = strToU8(text);
  entries[`${distInfo}/METADATA`] = strToU8(metadata);
  entries[`${distInfo}/WHEEL`] = strToU8(
    `Wheel-Version: 1.0\nGenerator: wsgi-playground tests\nRoot-Is-Purelib: true\nTag: ${tag}\n`,
  );
  const record = [...Object.keys(entries), `${distInfo}/RECORD`].map((path) => `${path},,`);
  entries[`${distInfo}/RECORD`] = strToU8(record.join('\n') + '\n');
  return { filename: `${distName}-${spec.version}-${tag}.whl`, bytes: zipSync(entries) };
}
