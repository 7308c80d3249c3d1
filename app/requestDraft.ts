import { textToBase64, type HttpRequest } from '../src/index.ts';

/** The request as a person edits it: the body is text, not yet bytes. */
export interface RequestDraft {
  method: string;
  target: string;
  headers: [name: string, value: string][];
  body: string;
}

/** Methods offered in the request line. */
export const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'] as const;

/**
 * Turn a draft into the request a client would send: the body UTF-8 encoded, and a
 * `Content-Length` added (as curl does) when there is a body and the draft gives none.
 */
export function toHttpRequest(draft: RequestDraft): HttpRequest {
  const bodyBase64 = textToBase64(draft.body);
  const headers = [...draft.headers];
  const hasLength = headers.some(([name]) => name.toLowerCase() === 'content-length');
  if (draft.body !== '' && !hasLength) {
    headers.push(['Content-Length', String(new TextEncoder().encode(draft.body).length)]);
  }
  return { method: draft.method, target: draft.target, headers, bodyBase64 };
}
