/**
 * Share links: a project + request + the settings that differ from the defaults, compressed
 * into the URL fragment (no server sees it). The format is versioned — `#v2/<data>` — and every
 * version ever written keeps decoding; a bad payload is an error value, never a crash.
 */
import { utf8OrThrow } from '../trace/bytes.ts';
import { fromBase64Url, toBase64Url } from './base64url.ts';
import { deflateRaw, inflateRaw } from './deflate.ts';
import {
  isShareVersion,
  runOfPayload,
  SHARE_VERSION,
  toPayload,
  type SharedRun,
} from './sharePayload.ts';

export { SHARE_VERSION, type SharedRun, type ShareVersion } from './sharePayload.ts';

/** What a URL fragment asks for. */
export type FragmentRoute =
  | { kind: 'none' }
  | { kind: 'example'; name: string }
  | { kind: 'share'; run: SharedRun; version: number }
  | { kind: 'error'; message: string };

/** Longer fragments are refused before any work is done. */
export const MAX_FRAGMENT_CHARS = 200_000;
/** A payload may not expand beyond this (a hostile link must not become gigabytes). */
export const MAX_PAYLOAD_BYTES = 2_000_000;

/** The JSON text a link carries for a run, before compression. */
export function sharePayloadJson(run: SharedRun): string {
  return JSON.stringify(toPayload(run));
}

/** Encode a run as a fragment (without the leading `#`), e.g. `v2/3ZJNb…`. */
export async function encodeShareFragment(run: SharedRun): Promise<string> {
  const json = new TextEncoder().encode(sharePayloadJson(run));
  return `v${SHARE_VERSION}/${toBase64Url(await deflateRaw(json))}`;
}

/**
 * Read a URL fragment (with or without `#`): a share link, a gallery example
 * (`#example/NAME`), nothing, or an error that says what is wrong with the link.
 */
export async function parseFragment(fragment: string): Promise<FragmentRoute> {
  const hash = fragment.startsWith('#') ? fragment.slice(1) : fragment;
  if (hash === '') return { kind: 'none' };
  if (hash.length > MAX_FRAGMENT_CHARS) {
    return {
      kind: 'error',
      message: `This link is too long (${hash.length} characters; the most is ${MAX_FRAGMENT_CHARS}).`,
    };
  }
  const example = /^example\/([A-Za-z0-9_-]{1,80})$/.exec(hash);
  if (example?.[1]) return { kind: 'example', name: example[1] };
  const share = /^v(\d{1,4})\/(.*)$/s.exec(hash);
  if (!share) return { kind: 'error', message: 'This link is not a WSGI Playground link.' };
  const version = Number(share[1]);
  if (!isShareVersion(version)) {
    return {
      kind: 'error',
      message: `This link uses format v${version}, which this version of the playground does not know.`,
    };
  }
  let bytes: Uint8Array;
  try {
    bytes = fromBase64Url(share[2] ?? '');
  } catch {
    return {
      kind: 'error',
      message: 'This link is corrupted: it holds characters a share link never has.',
    };
  }
  let json: string;
  try {
    json = utf8OrThrow(await inflateRaw(bytes, MAX_PAYLOAD_BYTES));
  } catch (error) {
    return {
      kind: 'error',
      message:
        error instanceof RangeError
          ? `This link's contents are too large (over ${MAX_PAYLOAD_BYTES / 1_000_000} MB).`
          : 'This link is corrupted or cut short: its data does not decompress.',
    };
  }
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    return { kind: 'error', message: 'This link is corrupted: its contents are not readable.' };
  }
  const run = runOfPayload(version, data);
  return 'error' in run ? { kind: 'error', message: run.error } : { kind: 'share', run, version };
}
