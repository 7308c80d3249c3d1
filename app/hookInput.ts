/**
 * What the test hook accepts, as valibot schemas: a value that does not fit is refused with an
 * Error naming the method, where the value is wrong and what was expected — before anything
 * reaches the store. The types of the accepted values are derived from the schemas.
 */
import * as v from 'valibot';
import { BODY_MODES, PART_KINDS } from '../src/index.ts';
import { flag, list, record, shown, text } from './hookValidation.ts';

/** Whether `value` is base64 that `atob` reads (the request builder decodes file parts so). */
function isBase64(value: string): boolean {
  try {
    atob(value);
    return true;
  } catch {
    return false;
  }
}

const isPair = (value: unknown): value is [string, string] =>
  Array.isArray(value) &&
  value.length === 2 &&
  typeof value[0] === 'string' &&
  typeof value[1] === 'string';

/** A `[name, value]` header of a plain request. */
const PAIR = 'must be a [name, value] pair of strings';
const HeaderPair = v.custom<[string, string]>(
  isPair,
  (issue) => `${PAIR}, got ${shown(issue.input)}`,
);

/**
 * The plain shape a test writes by hand: `{ method, url | target, headers: [[name, value]],
 * body: string }`. It stands for a whole request: what it leaves out is a GET's (no headers,
 * no body).
 */
export const PlainRequestInput = v.pipe(
  record(
    {
      method: v.optional(text, 'GET'),
      url: v.optional(text),
      target: v.optional(text),
      headers: v.optional(list(HeaderPair, '[name, value] pairs'), []),
      body: v.optional(text, ''),
    },
    'a plain request',
  ),
  v.check(
    (request) => request.url === undefined || request.target === undefined,
    'give url or target, not both',
  ),
);

/** A plain request, as `PlainRequestInput` reads it. */
export type PlainRequest = v.InferOutput<typeof PlainRequestInput>;

const FieldRowInput = record({ name: text, value: text, enabled: v.optional(flag, true) }, 'a row');

const PartInput = record(
  {
    name: text,
    kind: v.picklist(
      PART_KINDS,
      (issue) => `must be one of ${PART_KINDS.join(', ')}, got ${issue.received}`,
    ),
    value: v.optional(text, ''),
    filename: v.optional(text, ''),
    contentType: v.optional(text, ''),
    dataBase64: v.optional(v.pipe(text, v.check(isBase64, 'must be base64')), ''),
    enabled: v.optional(flag, true),
  },
  'a multipart part',
);

/**
 * The draft's own shape, as the request builder keeps it; every field is optional and only
 * those given change (a body's too: `{ mode: 'json', json: '{}' }` keeps the other modes').
 */
export const DraftPatchInput = record(
  {
    method: v.optional(text),
    target: v.optional(text),
    headers: v.optional(list(FieldRowInput, '{ name, value, enabled } rows')),
    body: v.optional(
      record(
        {
          mode: v.optional(
            v.picklist(
              BODY_MODES,
              (issue) => `must be one of ${BODY_MODES.join(', ')}, got ${issue.received}`,
            ),
          ),
          raw: v.optional(text),
          rawContentType: v.optional(text),
          json: v.optional(text),
          form: v.optional(list(FieldRowInput, '{ name, value, enabled } rows')),
          multipart: v.optional(list(PartInput, 'multipart parts')),
        },
        'a body draft',
      ),
    ),
  },
  'a request draft',
);

/** A change to the draft, as `DraftPatchInput` reads it. */
export type DraftPatch = v.InferOutput<typeof DraftPatchInput>;
