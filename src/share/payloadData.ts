/**
 * The data a link's payload holds: base64url, then raw deflate, then JSON — each step refused
 * with a message that says what is wrong with the link (never an exception).
 */
import { utf8OrThrow } from '../trace/bytes.ts';
import { fromBase64Url, toBase64Url } from './base64url.ts';
import { deflateRaw, inflateRaw } from './deflate.ts';

/** A payload may not expand beyond this (a hostile link must not become gigabytes). */
export const MAX_PAYLOAD_BYTES = 2_000_000;

/** `data` as JSON, compressed, as base64url: what follows `v2/` in a link. */
export async function encodePayloadData(data: unknown): Promise<string> {
  return toBase64Url(await deflateRaw(new TextEncoder().encode(JSON.stringify(data))));
}

/** The JSON value a payload holds, or why it holds none. */
export async function decodePayloadData(
  encoded: string,
): Promise<{ data: unknown } | { error: string }> {
  let bytes: Uint8Array;
  try {
    bytes = fromBase64Url(encoded);
  } catch {
    return { error: 'This link is corrupted: it holds characters a share link never has.' };
  }
  let json: string;
  try {
    json = utf8OrThrow(await inflateRaw(bytes, MAX_PAYLOAD_BYTES));
  } catch (error) {
    return {
      error:
        error instanceof RangeError
          ? `This link's contents are too large (over ${MAX_PAYLOAD_BYTES / 1_000_000} MB).`
          : 'This link is corrupted or cut short: its data does not decompress.',
    };
  }
  try {
    return { data: JSON.parse(json) as unknown };
  } catch {
    return { error: 'This link is corrupted: its contents are not readable.' };
  }
}
