/**
 * The request and settings part of a share link's payload, the same in every version: short
 * keys (it travels in URLs), table rows as tuples, only the body mode's own fields.
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
import { SettingsSchema, type Settings } from '../trace/schema.ts';
import { definedSettings } from './definedSettings.ts';

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

/** The payload's request and settings fields (spread into each version's object schema). */
export const REQUEST_FIELDS = {
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
};
const RequestFields = v.object(REQUEST_FIELDS);
/** The request and settings fields as a payload holds them. */
export type RequestFields = v.InferOutput<typeof RequestFields>;

const rowOut = (r: FieldRow): Row => (r.enabled ? [r.name, r.value] : [r.name, r.value, 0]);
const rowIn = (r: Row): FieldRow => ({ name: r[0], value: r[1], enabled: r.length === 2 });

/** The payload fields of a request and the settings that differ from the defaults. */
export function requestFieldsOf(request: RequestDraft, settings: Partial<Settings>): RequestFields {
  const body = request.body;
  const b: RequestFields['b'] = { mode: body.mode };
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
    m: request.method,
    t: request.target,
    h: request.headers.map(rowOut),
    b,
    ...(Object.keys(settings).length ? { s: settings } : {}),
  };
}

/** The request draft and the settings of a payload's fields. */
export function requestOfFields(p: RequestFields): {
  request: RequestDraft;
  settings: Partial<Settings>;
} {
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
  return {
    request: { method: p.m, target: p.t, headers: p.h.map(rowIn), body },
    settings: definedSettings(p.s ?? {}),
  };
}
