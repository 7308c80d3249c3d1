/**
 * How curl's body options become a body draft: the encoding of `--data-urlencode`, the parts
 * of `-F`, and the choice of the body mode that sends exactly curl's bytes.
 */
import {
  EMPTY_BODY,
  encodeForm,
  encodeMultipart,
  MULTIPART_BOUNDARY,
  type BodyDraft,
  type FieldRow,
  type MultipartPart,
} from '../request/requestDraft.ts';
import { bytesToText, textToBase64 } from '../trace/bytes.ts';

/** Percent-encode as curl's `--data-urlencode` does: everything but `A-Z a-z 0-9 - . _ ~`. */
export function curlUrlencode(text: string): string {
  return encodeURIComponent(text).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/**
 * One `--data-urlencode` argument as curl sends it: `content`, `=content`, `name=content`
 * (the content is encoded, the name is not); `@file` and `name@file` need a file.
 */
export function dataUrlencode(arg: string): { text: string; file: string | null } {
  const eq = arg.indexOf('=');
  if (eq !== -1) {
    const name = arg.slice(0, eq);
    const content = curlUrlencode(arg.slice(eq + 1));
    return { text: name === '' ? content : `${name}=${content}`, file: null };
  }
  const at = arg.indexOf('@');
  if (at !== -1) return { text: at === 0 ? '' : `${arg.slice(0, at)}=`, file: arg.slice(at + 1) };
  return { text: curlUrlencode(arg), file: null };
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  gif: 'image/gif',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  svg: 'image/svg+xml',
  txt: 'text/plain',
  htm: 'text/html',
  html: 'text/html',
  pdf: 'application/pdf',
  xml: 'application/xml',
  json: 'application/json',
};

/** A `-F` part as read from its argument, and the file it would need, if any. */
export interface FormPartRead {
  part: MultipartPart;
  /** The file curl would read (`@file` for a file part, `<file` for a text part). */
  file: string | null;
}

/**
 * Read a `-F name=value` argument: a text field, `name=@path[;type=…][;filename=…]` (a file
 * part), or `name=<path` (a text field read from a file). With `literal` (`--form-string`),
 * the value is taken as it is.
 */
export function readFormPart(arg: string, literal: boolean): FormPartRead | null {
  const eq = arg.indexOf('=');
  if (eq <= 0) return null;
  const name = arg.slice(0, eq);
  let value = arg.slice(eq + 1);
  const text = (v: string): MultipartPart => ({
    name,
    kind: 'text',
    value: v,
    filename: '',
    contentType: '',
    dataBase64: '',
    enabled: true,
  });
  if (literal) return { part: text(value), file: null };
  if (value.startsWith('"')) {
    // A double-quoted value is text, and may hold `;` and backslash-escaped quotes.
    let end = -1;
    for (let i = 1; i < value.length && end === -1; i++) {
      if (value[i] === '\\') i++;
      else if (value[i] === '"') end = i;
    }
    const inner = end === -1 ? value.slice(1) : value.slice(1, end);
    return { part: text(inner.replace(/\\(["\\])/g, '$1')), file: null };
  }
  const cut = value.search(/;\s*(type|filename|headers|encoder)=/i);
  let params = '';
  if (cut !== -1) {
    params = value.slice(cut);
    value = value.slice(0, cut);
  }
  const param = (key: string): string | undefined => {
    const match = new RegExp(`;\\s*${key}=(?:"([^"]*)"|([^;]*))`, 'i').exec(params);
    return match ? (match[1] ?? match[2]) : undefined;
  };
  if (value.startsWith('@')) {
    const path = value.slice(1);
    const filename = param('filename') ?? path.split(/[\\/]/).pop() ?? path;
    const extension = filename.split('.').pop()?.toLowerCase() ?? '';
    return {
      part: {
        ...text(''),
        kind: 'file',
        filename,
        contentType: param('type') ?? CONTENT_TYPES[extension] ?? '',
      },
      file: path,
    };
  }
  if (value.startsWith('<')) return { part: text(''), file: value.slice(1) };
  return { part: text(value), file: null };
}

/** The media type of a Content-Type value, lower-cased, without parameters. */
export function mediaType(contentType: string): string {
  return (contentType.split(';')[0] ?? '').trim().toLowerCase();
}

/** The boundary parameter of a multipart Content-Type, or null. */
export function multipartBoundary(contentType: string): string | null {
  if (mediaType(contentType) !== 'multipart/form-data') return null;
  const match = /;\s*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  return match?.[1] ?? match?.[2] ?? null;
}

/**
 * Read a multipart/form-data body (as browsers' "Copy as cURL" include it) into parts, when the
 * parts, encoded again with the same boundary, give exactly the same text; else null.
 */
export function readMultipart(data: string, boundary: string): MultipartPart[] | null {
  const delimiter = `--${boundary}`;
  const close = `${delimiter}--\r\n`;
  let chunks: string[] = [];
  if (data !== close) {
    if (!data.startsWith(`${delimiter}\r\n`) || !data.endsWith(`\r\n${close}`)) return null;
    const inner = data.slice(delimiter.length + 2, data.length - close.length - 2);
    chunks = inner.split(`\r\n${delimiter}\r\n`);
  }
  const parts: MultipartPart[] = [];
  for (const chunk of chunks) {
    const split = chunk.indexOf('\r\n\r\n');
    if (split === -1) return null;
    const head = chunk.slice(0, split).split('\r\n');
    const content = chunk.slice(split + 4);
    const disposition =
      /^content-disposition: form-data; name="([^"]*)"(?:; filename="([^"]*)")?$/i.exec(
        head[0] ?? '',
      );
    const type = /^content-type: (.*)$/i.exec(head[1] ?? '');
    if (!disposition || head.length > 2 || (head.length === 2 && !type)) return null;
    const file = disposition[2] !== undefined;
    parts.push({
      name: disposition[1] ?? '',
      kind: file ? 'file' : 'text',
      value: file ? '' : content,
      filename: disposition[2] ?? '',
      contentType: type?.[1] ?? '',
      dataBase64: file ? textToBase64(content) : '',
      enabled: true,
    });
  }
  const again = bytesToText(encodeMultipart(parts)).replaceAll(MULTIPART_BOUNDARY, boundary);
  return again === data ? parts : null;
}

/**
 * The body draft that sends `data` with `contentType` byte for byte: JSON mode for JSON, form
 * mode when the text is exactly what the form table would encode, multipart mode for a
 * multipart body it can read (only the boundary may change), raw otherwise.
 */
export function bodyFromData(data: string, contentType: string): BodyDraft {
  const media = mediaType(contentType);
  if (media === 'application/json') return { ...EMPTY_BODY, mode: 'json', json: data };
  const boundary = multipartBoundary(contentType);
  const parts = boundary === null ? null : readMultipart(data, boundary);
  // Editable parts; sent with the playground's own boundary (the only bytes that change).
  if (parts) return { ...EMPTY_BODY, mode: 'multipart', multipart: parts };
  if (media === 'application/x-www-form-urlencoded' && data !== '') {
    const form: FieldRow[] = [...new URLSearchParams(data)].map(([name, value]) => ({
      name,
      value,
      enabled: true,
    }));
    if (encodeForm(form) === data) return { ...EMPTY_BODY, mode: 'form', form };
  }
  return { ...EMPTY_BODY, mode: 'raw', raw: data, rawContentType: contentType };
}
