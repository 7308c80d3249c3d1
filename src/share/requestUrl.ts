/**
 * The absolute URL a request is sent to, as HTTP clients want it: from an absolute target, or
 * from the scheme, the Host header and an origin-form target (`/path?query`).
 */
import type { HttpRequest } from '../trace/schema.ts';

/** A request's URL and whether its Host header has to be sent on its own. */
export interface RequestUrl {
  url: string;
  /** The target is neither absolute nor origin-form (e.g. `*`): the URL cannot say it. */
  targetOutsideUrl: boolean;
  /** The Host header differs from the URL's authority (or cannot be an authority). */
  sendHost: boolean;
}

/** The value of the first header called `name` (case-insensitive). */
export function headerValue(request: HttpRequest, name: string): string | undefined {
  const key = name.toLowerCase();
  return request.headers.find(([n]) => n.toLowerCase() === key)?.[1];
}

/** The URL of `request`; `scheme` and `fallbackHost` are used when the request does not say. */
export function requestUrl(
  request: HttpRequest,
  scheme: 'http' | 'https' = 'http',
  fallbackHost = 'localhost',
): RequestUrl {
  const hostHeader = headerValue(request, 'host');
  const absolute = /^https?:\/\//i.test(request.target);
  const hostFits = hostHeader !== undefined && /^[^\s/?#@\\]+$/.test(hostHeader);
  const originForm = request.target.startsWith('/');
  const url = absolute
    ? (request.target.split('#')[0] ?? '')
    : `${scheme}://${hostFits ? hostHeader : fallbackHost}${originForm ? request.target : '/'}`;
  const authority = /^https?:\/\/([^/?#]*)/i.exec(url)?.[1] ?? '';
  return {
    url,
    targetOutsideUrl: !absolute && !originForm,
    sendHost: hostHeader !== undefined && hostHeader !== authority,
  };
}
