/**
 * What is inside a wheel file (a zip, PEP 427): its `*.dist-info/METADATA`, read without
 * unpacking the rest. fflate reads the zip: small, well kept, pure JavaScript for the browser
 * and Node alike.
 */
import { strFromU8, unzipSync } from 'fflate';

const METADATA = /^[^/]+\.dist-info\/METADATA$/;

/** The METADATA text of a wheel, or an Error naming the file when it has none or is no zip. */
export function wheelMetadata(filename: string, bytes: Uint8Array): string | Error {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, { filter: (file) => METADATA.test(file.name) });
  } catch (error) {
    return new Error(`${filename} is not a wheel: ${(error as Error).message}`);
  }
  const [metadata] = Object.values(files);
  if (!metadata) return new Error(`${filename} has no *.dist-info/METADATA: it is not a wheel`);
  return strFromU8(metadata);
}

/** The sha256 of `bytes` as lowercase hex (Web Crypto, in the browser and in Node). */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}
