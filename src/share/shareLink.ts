/**
 * Share links: code + request + the settings that differ from the defaults, compressed into
 * the URL fragment (no server sees it). The format is versioned — `#v1/<data>` — and every
 * version ever written keeps decoding; a bad payload is an error value, never a crash.
 */
import * as v from 'valibot';
import { EMPTY_BODY } from '../request/requestDraft.ts';
import {
  BodyModeSchema,
  PART_KINDS,
  type BodyDraft,
  type FieldRow,
  type RequestDraft,
} from '../request/requestDraftSchema.ts';
import { utf8OrThrow } from '../trace/bytes.ts';
import { SettingsSchema, type Settings } from '../trace/schema.ts';
import { fromBase64Url, toBase64Url } from './base64url.ts';
import { deflateRaw, inflateRaw } from './deflate.ts';

/** What a link carries. */
export interface SharedRun {
  code: string;
  request: RequestDraft;
  /** Only the settings that differ from the defaults. */
  settings: Partial<Settings>;
}

/** What a URL fragment asks for. */
export type FragmentRoute =
  | { kind: 'none' }
  | { kind: 'example'; name: string }
  | { kind: 'share'; run: SharedRun; version: number }
  | { kind: 'error'; message: string };

/** The newest format version; links are written in it. */
export const SHARE_VERSION = 1;
/** Longer fragments are refused before any work is done. */
export const MAX_FRAGMENT_CHARS = 200_000;
/** A payload may not expand beyond this (a hostile link must not become gigabytes). */
export const MAX_PAYLOAD_BYTES = 2_000_000;

/** A table row: `[name, value]`, or `[name, value, 0]` when switched off. */
const row = v.union([
  v.strictTuple([v.string(), v.string()]),
  v.strictTuple([v.string(), v.string(), v.literal(0)]),
]);
type Row = v.InferOutput<typeof row>;
const part = v.object({
  n: v.string(),
  k: v.picklist(PART_KINDS),
  v: v.optional(v.string()),
  f: v.optional(v.string()),
  t: v.optional(v.string()),
  d: v.optional(v.string()),
  e: v.optional(v.picklist([0, 1])),
});
/** Version 1 of the payload (short keys: it travels in URLs). */
const PayloadV1 = v.object({
  c: v.string(),
  m: v.string(),
  t: v.string(),
  h: v.array(row),
  b: v.object({
    mode: BodyModeSchema,
    raw: v.optional(v.string()),
    type: v.optional(v.string()),
    json: v.optional(v.string()),
    form: v.optional(v.array(row)),
    parts: v.optional(v.array(part)),
  }),
  s: v.optional(v.partial(SettingsSchema)),
});
type PayloadV1 = v.InferOutput<typeof PayloadV1>;

const rowOut = (r: FieldRow): Row => (r.enabled ? [r.name, r.value] : [r.name, r.value, 0]);
const rowIn = (r: Row): FieldRow => ({ name: r[0], value: r[1], enabled: r.length === 2 });

function toPayload(run: SharedRun): PayloadV1 {
  const body = run.request.body;
  const b: PayloadV1['b'] = { mode: body.mode };
  if (body.mode === 'raw') Object.assign(b, { raw: body.raw, type: body.rawContentType });
  if (body.mode === 'json') b.json = body.json;
  if (body.mode === 'form') b.form = body.form.map(rowOut);
  if (body.mode === 'multipart') {
    b.parts = body.multipart.map((p) => ({
      n: p.name,
      k: p.kind,
      ...(p.kind === 'text'
        ? { v: p.value }
        : { f: p.filename, t: p.contentType, d: p.dataBase64 }),
      ...(p.enabled ? {} : { e: 0 as const }),
    }));
  }
  return {
    c: run.code,
    m: run.request.method,
    t: run.request.target,
    h: run.request.headers.map(rowOut),
    b,
    ...(Object.keys(run.settings).length ? { s: run.settings } : {}),
  };
}

function fromPayload(p: PayloadV1): SharedRun {
  const body: BodyDraft = { ...EMPTY_BODY, mode: p.b.mode };
  if (p.b.raw !== undefined) body.raw = p.b.raw;
  if (p.b.type !== undefined) body.rawContentType = p.b.type;
  if (p.b.json !== undefined) body.json = p.b.json;
  if (p.b.form) body.form = p.b.form.map(rowIn);
  if (p.b.parts) {
    body.multipart = p.b.parts.map((x) => ({
      name: x.n,
      kind: x.k,
      value: x.v ?? '',
      filename: x.f ?? '',
      contentType: x.t ?? '',
      dataBase64: x.d ?? '',
      enabled: x.e !== 0,
    }));
  }
  const settings: Partial<Settings> = {};
  for (const [key, value] of Object.entries(p.s ?? {})) {
    if (value !== undefined) Object.assign(settings, { [key]: value });
  }
  return {
    code: p.c,
    request: { method: p.m, target: p.t, headers: p.h.map(rowIn), body },
    settings,
  };
}

/** The JSON text a link carries for a run, before compression. */
export function sharePayloadJson(run: SharedRun): string {
  return JSON.stringify(toPayload(run));
}

/** Encode a run as a fragment (without the leading `#`), e.g. `v1/3ZJNb…`. */
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
  if (version !== 1) {
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
  const parsed = v.safeParse(PayloadV1, data);
  if (!parsed.success)
    return { kind: 'error', message: 'This link is corrupted: it lacks the code or the request.' };
  return { kind: 'share', run: fromPayload(parsed.output), version };
}
