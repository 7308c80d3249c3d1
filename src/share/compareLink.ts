/**
 * Compare links: two runs in one URL fragment, `#compare/v2/<data>`, the data a JSON pair of
 * share payloads `[A, B]` compressed together (two versions of one app share most of their
 * text, so the pair costs little more than one link). Each side is read exactly as a share
 * link of that version is, so old versions keep decoding as share links do.
 */
import { decodePayloadData, encodePayloadData } from './payloadData.ts';
import {
  isShareVersion,
  payloadVersion,
  runOfPayload,
  toPayload,
  type SharedRun,
} from './sharePayload.ts';

/** The two runs a compare link holds. */
export interface SharedPair {
  a: SharedRun;
  b: SharedRun;
}

/** The prefix of a compare link's fragment. */
export const COMPARE_PREFIX = 'compare/';

/** Encode two runs as a fragment (without the leading `#`), e.g. `compare/v2/3ZJNb…`. */
export async function encodeCompareFragment(pair: SharedPair): Promise<string> {
  const payloads = [toPayload(pair.a), toPayload(pair.b)] as const;
  const version = Math.max(...payloads.map(payloadVersion));
  return `${COMPARE_PREFIX}v${version}/${await encodePayloadData(payloads)}`;
}

/**
 * The pair a compare fragment (after `compare/`) holds, or why it holds none. `hash` has no
 * leading `#`.
 */
export async function parseCompareFragment(
  hash: string,
): Promise<(SharedPair & { version: number }) | { error: string }> {
  const match = /^compare\/v(\d{1,4})\/(.*)$/s.exec(hash);
  if (!match) return { error: 'This compare link is not a WSGI Playground link.' };
  const version = Number(match[1]);
  if (!isShareVersion(version)) {
    return {
      error: `This compare link uses format v${version}, which this version of the playground does not know.`,
    };
  }
  const decoded = await decodePayloadData(match[2] ?? '');
  if ('error' in decoded) return decoded;
  const { data } = decoded;
  if (!Array.isArray(data) || data.length !== 2)
    return { error: 'This compare link is corrupted: it does not hold two runs.' };
  const a = runOfPayload(version, data[0]);
  if ('error' in a) return { error: `Run A: ${a.error}` };
  const b = runOfPayload(version, data[1]);
  if ('error' in b) return { error: `Run B: ${b.error}` };
  return { a, b, version };
}
