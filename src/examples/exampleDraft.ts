/**
 * An example's request as the request builder edits it, so that loading an example into the
 * playground sends the same bytes the gallery's tests send (`exampleRequest`).
 */
import { EMPTY_BODY, row, type RequestDraft } from '../request/requestDraft.ts';
import type { ExampleRequest } from './example.ts';

const isNamed =
  (name: string) =>
  ([header]: [string, string]): boolean =>
    header.toLowerCase() === name;

/**
 * The draft of an example's request: its headers as rows (with `Host: localhost` first when it
 * has none, as `exampleRequest` adds), and a non-empty body as raw text whose Content-Type
 * header, if any, becomes the body's `rawContentType` (an empty one sends none).
 *
 * @example
 * store.setRequest(exampleDraft(exampleById('post-form')!.request));
 */
export function exampleDraft(request: ExampleRequest): RequestDraft {
  const host: [string, string][] = request.headers.some(isNamed('host'))
    ? []
    : [['Host', 'localhost']];
  const headers = [...host, ...request.headers];
  if (request.body === '') {
    return {
      method: request.method,
      target: request.target,
      headers: headers.map(([name, value]) => row(name, value)),
      body: EMPTY_BODY,
    };
  }
  const contentType = headers.find(isNamed('content-type'));
  return {
    method: request.method,
    target: request.target,
    headers: headers
      .filter((header) => !isNamed('content-type')(header))
      .map(([name, value]) => row(name, value)),
    body: { ...EMPTY_BODY, mode: 'raw', raw: request.body, rawContentType: contentType?.[1] ?? '' },
  };
}
