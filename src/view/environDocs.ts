/**
 * What each standard environ key means, in plain words after PEP 3333, with a link to the
 * section of the PEP that defines it.
 */

/** The PEP that defines the environ; every explanation links into it. */
export const PEP_3333_URL = 'https://peps.python.org/pep-3333/';

/** The explanation of one environ key. */
export interface EnvironDoc {
  /** One or two sentences, paraphrasing or quoting the PEP. */
  text: string;
  /** The PEP section it comes from, as its heading reads (for the link text). */
  section: string;
  /** The link into the PEP, anchor included. */
  href: string;
}

const SECTIONS = {
  'environ-variables': 'environ Variables',
  'url-reconstruction': 'URL Reconstruction',
  'input-and-error-streams': 'Input and Error Streams',
  'optional-platform-specific-file-handling': 'Optional Platform-Specific File Handling',
  'unicode-issues': 'Unicode Issues',
} as const;

type Anchor = keyof typeof SECTIONS;

function doc(anchor: Anchor, text: string): EnvironDoc {
  return { text, section: SECTIONS[anchor], href: `${PEP_3333_URL}#${anchor}` };
}

const DOCS: Record<string, EnvironDoc> = {
  REQUEST_METHOD: doc(
    'environ-variables',
    'The HTTP request method, such as "GET" or "POST". It can never be empty, so it is always present.',
  ),
  SCRIPT_NAME: doc(
    'environ-variables',
    'The first part of the URL path: where the application is mounted, so it knows its own "location". Empty when the app sits at the root of the server.',
  ),
  PATH_INFO: doc(
    'environ-variables',
    'The rest of the URL path: where the request points inside the application. Percent-escapes are already decoded, and the bytes are given one code point each (latin-1).',
  ),
  QUERY_STRING: doc(
    'environ-variables',
    'The part of the URL after the "?", still percent-encoded. May be empty or absent.',
  ),
  CONTENT_TYPE: doc(
    'environ-variables',
    "The request's Content-Type header (it does not get an HTTP_ name). May be empty or absent.",
  ),
  CONTENT_LENGTH: doc(
    'environ-variables',
    "The request's Content-Length header, as a string (it does not get an HTTP_ name). May be empty or absent; the app should not read more than this from wsgi.input.",
  ),
  SERVER_NAME: doc(
    'url-reconstruction',
    "The server's host name. Together with SERVER_PORT it rebuilds the URL when HTTP_HOST is missing; it must never be empty.",
  ),
  SERVER_PORT: doc(
    'url-reconstruction',
    'The server\'s port, as a string such as "80". Used with SERVER_NAME when HTTP_HOST is missing; it must never be empty.',
  ),
  SERVER_PROTOCOL: doc(
    'environ-variables',
    'The protocol the client used for the request, such as "HTTP/1.1". The PEP notes it would better be called REQUEST_PROTOCOL: it is not necessarily what the server answers with.',
  ),
  REMOTE_ADDR: doc(
    'environ-variables',
    'The client\'s network address. Not one of the variables the PEP requires: servers "should attempt to provide as many other CGI variables as are applicable".',
  ),
  GATEWAY_INTERFACE: doc(
    'environ-variables',
    'The CGI version the server speaks, such as "CGI/1.1". An extra CGI variable: present by convention, not required by the PEP.',
  ),
  HTTPS: doc(
    'environ-variables',
    'Set to "on" by servers that follow Apache\'s SSL variables when the request came over TLS. The PEP suggests providing them; wsgi.url_scheme is the portable way to tell.',
  ),
  'wsgi.version': doc('environ-variables', 'The tuple (1, 0): this is WSGI version 1.0.'),
  'wsgi.url_scheme': doc(
    'environ-variables',
    'The scheme of the URL the app was called at: normally "http" or "https".',
  ),
  'wsgi.input': doc(
    'input-and-error-streams',
    'A file-like object to read the request body bytes from (read, readline, readlines, iteration). Apps should not read past CONTENT_LENGTH, and must not close it.',
  ),
  'wsgi.errors': doc(
    'input-and-error-streams',
    'A text stream for error output, usually the server\'s error log. Write str with "\\n" line endings; call flush() if it must be out now. Apps must not close it.',
  ),
  'wsgi.multithread': doc(
    'environ-variables',
    'True if another thread of this process may call the same application object at the same time.',
  ),
  'wsgi.multiprocess': doc(
    'environ-variables',
    'True if an equivalent application object may be called at the same time by another process.',
  ),
  'wsgi.run_once': doc(
    'environ-variables',
    'True if the server expects (but does not guarantee) that the app is called only this once in its process, as with CGI.',
  ),
  'wsgi.file_wrapper': doc(
    'optional-platform-specific-file-handling',
    'Optional: a callable that wraps a file-like object (and an optional block size) into an iterable the server may send with a faster, platform-specific method. Return its result as the response.',
  ),
};

const HTTP_VARIABLES =
  'A request header, named HTTP_ plus the header name in upper case with "-" turned into "_". It is present exactly when the client sent the header.';

/** The header name an HTTP_ variable stands for, as clients usually spell it. */
export function headerNameOf(key: string): string {
  return key
    .slice('HTTP_'.length)
    .toLowerCase()
    .split('_')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('-');
}

/**
 * The PEP 3333 explanation of an environ key, or null for keys the PEP does not define.
 *
 * @example
 * environDoc('HTTP_ACCEPT_LANGUAGE')?.text // "The request's Accept-Language header. …"
 */
export function environDoc(key: string): EnvironDoc | null {
  const known = DOCS[key];
  if (known) return known;
  if (key.startsWith('HTTP_') && key.length > 'HTTP_'.length) {
    return doc('environ-variables', `The request's ${headerNameOf(key)} header. ${HTTP_VARIABLES}`);
  }
  return null;
}

/** Why native strings look odd: the link used beside a value's UTF-8 reading. */
export const NATIVE_STRINGS_DOC: EnvironDoc = doc(
  'unicode-issues',
  'CGI values are "native strings": str objects holding one code point (U+0000–U+00FF) per byte received, i.e. the bytes decoded as latin-1. Text the client sent as UTF-8 shows up as pairs like "Ã©"; value.encode("latin-1").decode("utf-8") reads it back.',
);
