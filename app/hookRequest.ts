/**
 * The test hook's `setRequest`, read into what the store takes: a whole draft for the plain
 * shape (mapped as the gallery maps its examples' requests), a patch for the draft's own.
 */
import { exampleDraft, textToBase64, type RequestDraft } from '../src/index.ts';
import { parseCurlUrl } from '../src/share/curlUrl.ts';
import { DraftPatchInput, PlainRequestInput, type PlainRequest } from './hookInput.ts';
import { HookInputError, parseHookInput } from './hookValidation.ts';
import type { RunSettings } from './state/playgroundStore.ts';

/** What `setRequest` changes in the store. */
export interface HookRequestChange {
  request: Partial<RequestDraft>;
  settings: Partial<RunSettings>;
}

const SHAPES =
  'setRequest takes { method, url | target, headers: [[name, value]], body: string } or a ' +
  "draft's { method, target, headers: [{ name, value, enabled }], body: { mode, raw, … } }";

/** Whether the argument is in the plain shape: a `url`, `[name, value]` headers or a string body. */
function isPlain(input: Record<string, unknown>): boolean {
  const { headers, body } = input;
  return (
    Object.hasOwn(input, 'url') ||
    typeof body === 'string' ||
    (Array.isArray(headers) && headers.some((header) => Array.isArray(header)))
  );
}

const has = (headers: [string, string][], name: string): boolean =>
  headers.some(([header]) => header.toLowerCase() === name);

/**
 * A plain request's target, and for an absolute URL what curl would send: the Host header, the
 * Basic credentials of `user:pass@`, and the scheme (a server setting here).
 */
function resolveUrl(plain: PlainRequest): HookRequestChange['settings'] & {
  target: string;
  headers: [string, string][];
} {
  const { url, target, headers } = plain;
  if (url === undefined || url.startsWith('/') || url === '*') {
    return { target: url ?? target ?? '/', headers };
  }
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) {
    throw new HookInputError(
      `setRequest: url must be an absolute http:// or https:// URL or a target such as /path?query, got ${JSON.stringify(url)}.`,
    );
  }
  const parsed = parseCurlUrl(url);
  if (!parsed.ok) throw new HookInputError(`setRequest: url: ${parsed.error}`);
  const { scheme, host, userinfo } = parsed.url;
  const added: [string, string][] = [];
  if (!has(headers, 'host')) added.push(['Host', host]);
  if (userinfo !== null && !has(headers, 'authorization')) {
    added.push(['Authorization', `Basic ${textToBase64(userinfo)}`]);
  }
  return { target: parsed.url.target, headers: [...added, ...headers], urlScheme: scheme };
}

/** The entries of `patch` that are set (what `exactOptionalPropertyTypes` calls present). */
function present<T extends object>(patch: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  const set = Object.entries(patch).filter(([, value]) => value !== undefined);
  return Object.fromEntries(set) as { [K in keyof T]?: Exclude<T[K], undefined> };
}

/**
 * Read `setRequest`'s argument, or throw a `HookInputError` that says what is wrong with it.
 *
 * @example
 * readHookRequest({ method: 'POST', url: 'http://example.test/a?b=1', body: 'x' }, current)
 * // { request: { method: 'POST', target: '/a?b=1', headers: [Host: example.test],
 * //              body: { mode: 'raw', raw: 'x', rawContentType: '', … } },
 * //   settings: { urlScheme: 'http' } }
 */
export function readHookRequest(input: unknown, current: RequestDraft): HookRequestChange {
  const isRecord =
    typeof input === 'object' &&
    input !== null &&
    [Object.prototype, null].includes(Object.getPrototypeOf(input));
  if (!isRecord) {
    const got = input === null ? 'null' : Array.isArray(input) ? 'an array' : typeof input;
    throw new HookInputError(`${SHAPES}, got ${got}.`);
  }
  if (isPlain(input as Record<string, unknown>)) {
    const plain = parseHookInput('setRequest', PlainRequestInput, input);
    const { target, headers, ...settings } = resolveUrl(plain);
    const request = exampleDraft({ method: plain.method, target, headers, body: plain.body });
    return { request, settings };
  }
  const { body, ...fields } = parseHookInput('setRequest', DraftPatchInput, input);
  const request: Partial<RequestDraft> = present(fields);
  if (body) request.body = { ...current.body, ...present(body) };
  return { request, settings: {} };
}
