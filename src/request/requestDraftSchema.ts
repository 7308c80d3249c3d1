/**
 * The request draft's shape, as valibot schemas: the one source of its types (derived below)
 * and of the checks that saved drafts and share links are read back with, so that a field
 * added here is a field the store and the links know about.
 */
import * as v from 'valibot';

// Only ever add to these lists: saved drafts and share links name a mode or a kind, and the old
// ones must keep reading.
/** The ways a body can be edited, in the order the request builder offers them. */
export const BODY_MODES = ['none', 'raw', 'json', 'form', 'multipart'] as const;

/** The kinds of a multipart part. */
export const PART_KINDS = ['text', 'file'] as const;

/** A name/value row of a table (headers, form fields, query parameters). */
export const FieldRowSchema = v.object({
  name: v.string(),
  value: v.string(),
  enabled: v.boolean(),
});

/** A part of a multipart/form-data body: a text field or a file. */
export const MultipartPartSchema = v.object({
  name: v.string(),
  kind: v.picklist(PART_KINDS),
  /** The text of a text field. */
  value: v.string(),
  /** For a file: its name. */
  filename: v.string(),
  /** For a file: its content type. */
  contentType: v.string(),
  /** For a file: its bytes (base64). */
  dataBase64: v.string(),
  enabled: v.boolean(),
});

/** How the body is edited. */
export const BodyModeSchema = v.picklist(BODY_MODES);

/** The body in every mode at once, so switching modes loses nothing. */
export const BodyDraftSchema = v.object({
  mode: BodyModeSchema,
  raw: v.string(),
  /** The Content-Type sent with a raw body ('' sends none). */
  rawContentType: v.string(),
  json: v.string(),
  form: v.array(FieldRowSchema),
  multipart: v.array(MultipartPartSchema),
});

/** The request as a person edits it. */
export const RequestDraftSchema = v.object({
  method: v.string(),
  /** The request target as typed: `/path?query` or an absolute `http://host/path` URL. */
  target: v.string(),
  headers: v.array(FieldRowSchema),
  body: BodyDraftSchema,
});

/** A name/value row of a table (headers, form fields, query parameters). */
export type FieldRow = v.InferOutput<typeof FieldRowSchema>;
/** A part of a multipart/form-data body: a text field or a file. */
export type MultipartPart = v.InferOutput<typeof MultipartPartSchema>;
/** How the body is edited. */
export type BodyMode = v.InferOutput<typeof BodyModeSchema>;
/** The body in every mode at once, so switching modes loses nothing. */
export type BodyDraft = v.InferOutput<typeof BodyDraftSchema>;
/** The request as a person edits it. */
export type RequestDraft = v.InferOutput<typeof RequestDraftSchema>;
