/**
 * A URL as curl reads it, cut into what goes on the wire: the scheme, the Host header, the
 * credentials of a `user:pass@` prefix, and the request target (path and query; curl never
 * sends the fragment).
 */

/** The parts of a curl URL that a server sees. */
export interface CurlUrl {
  scheme: 'http' | 'https';
  /** The Host header curl sends: the authority without credentials and without a default port. */
  host: string;
  /** `user:password` from the URL, percent-decoded, or null. */
  userinfo: string | null;
  /** The origin-form request target: `/path?query`. */
  target: string;
}

const DEFAULT_PORTS = { http: '80', https: '443' } as const;

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Read a URL given to curl; curl assumes `http://` when there is no scheme. */
export function parseCurlUrl(
  url: string,
): { ok: true; url: CurlUrl } | { ok: false; error: string } {
  const trimmed = url.trim();
  const absolute = /^([a-z][a-z0-9+.-]*):\/\/([^/?#]*)(.*)$/is.exec(trimmed);
  const bare = /^([^/?#]*)(.*)$/s.exec(trimmed);
  const scheme = absolute ? (absolute[1] ?? '').toLowerCase() : 'http';
  const authority = (absolute ? absolute[2] : bare?.[1]) ?? '';
  const rest = (absolute ? absolute[3] : bare?.[2]) ?? '';
  if (scheme !== 'http' && scheme !== 'https') {
    return {
      ok: false,
      error: `Only http:// and https:// URLs can be run here, not ${scheme}://.`,
    };
  }
  const at = authority.lastIndexOf('@');
  const userinfo = at === -1 ? null : decode(authority.slice(0, at));
  let host = authority.slice(at + 1);
  if (host === '') return { ok: false, error: `The URL ${JSON.stringify(url)} has no host.` };
  if (host.endsWith(`:${DEFAULT_PORTS[scheme]}`)) host = host.slice(0, host.lastIndexOf(':'));
  const path = rest.split('#')[0] ?? '';
  return {
    ok: true,
    url: { scheme, host, userinfo, target: path.startsWith('/') ? path : `/${path}` },
  };
}
