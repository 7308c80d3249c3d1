/**
 * Share links: a project + request + the settings that differ from the defaults, compressed
 * into the URL fragment (no server sees it). The format is versioned — `#v2/<data>` — and every
 * version ever written keeps decoding; a bad payload is an error value, never a crash.
 */
import { COMPARE_PREFIX, parseCompareFragment, type SharedPair } from './compareLink.ts';
import { decodePayloadData, encodePayloadData, MAX_PAYLOAD_BYTES } from './payloadData.ts';
import {
  isShareVersion,
  payloadVersion,
  runOfPayload,
  toPayload,
  type SharedRun,
} from './sharePayload.ts';

export { SHARE_VERSION, type SharedRun, type ShareVersion } from './sharePayload.ts';
export { encodeCompareFragment, type SharedPair } from './compareLink.ts';
export { lockFits } from './packageFields.ts';
export { MAX_PAYLOAD_BYTES };

/** What a URL fragment asks for. */
export type FragmentRoute =
  | { kind: 'none' }
  | { kind: 'example'; name: string }
  | { kind: 'share'; run: SharedRun; version: number }
  /** Two runs to compare (`#compare/v2/…`). */
  | { kind: 'compare'; pair: SharedPair; version: number }
  | { kind: 'error'; message: string };

/** Longer fragments are refused before any work is done. */
export const MAX_FRAGMENT_CHARS = 200_000;

/** The JSON text a link carries for a run, before compression. */
export function sharePayloadJson(run: SharedRun): string {
  return JSON.stringify(toPayload(run));
}

/**
 * Encode a run as a fragment (without the leading `#`), e.g. `v2/3ZJNb…` (`v3/…` when the
 * project has packages).
 */
export async function encodeShareFragment(run: SharedRun): Promise<string> {
  const payload = toPayload(run);
  return `v${payloadVersion(payload)}/${await encodePayloadData(payload)}`;
}

/**
 * Read a URL fragment (with or without `#`): a share link, a gallery example
 * (`#example/NAME`), two runs to compare (`#compare/v2/…`), nothing, or an error that says what is wrong with the link.
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
  if (hash.startsWith(COMPARE_PREFIX)) {
    const pair = await parseCompareFragment(hash);
    return 'error' in pair
      ? { kind: 'error', message: pair.error }
      : { kind: 'compare', pair: { a: pair.a, b: pair.b }, version: pair.version };
  }
  const share = /^v(\d{1,4})\/(.*)$/s.exec(hash);
  if (!share) return { kind: 'error', message: 'This link is not a WSGI Playground link.' };
  const version = Number(share[1]);
  if (!isShareVersion(version)) {
    return {
      kind: 'error',
      message: `This link uses format v${version}, which this version of the playground does not know.`,
    };
  }
  const decoded = await decodePayloadData(share[2] ?? '');
  if ('error' in decoded) return { kind: 'error', message: decoded.error };
  const { data } = decoded;
  const run = runOfPayload(version, data);
  return 'error' in run ? { kind: 'error', message: run.error } : { kind: 'share', run, version };
}
