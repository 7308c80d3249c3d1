/**
 * A project's page of a PyPI-compatible "simple" index, as a list of files: PEP 691 (JSON,
 * `application/vnd.pypi.simple.v1+json`) or PEP 503 (HTML anchors). Each file's sha256 comes
 * from the index (a `hashes` entry, or the `#sha256=` fragment of its link); PEP 658/714's
 * `core-metadata` says the METADATA can be fetched alone at `URL.metadata`.
 */

/** One file a project page lists. */
export interface IndexFile {
  filename: string;
  /** Absolute URL of the file. */
  url: string;
  sha256: string | null;
  requiresPython: string | null;
  /** The index serves the file's METADATA alone at `url + '.metadata'` (PEP 658). */
  hasMetadata: boolean;
  yanked: boolean;
}

/** The Accept header that asks for PEP 691 JSON, HTML as the fallback. */
export const SIMPLE_ACCEPT =
  'application/vnd.pypi.simple.v1+json, application/vnd.pypi.simple.v1+html;q=0.2, text/html;q=0.01';

/** The URL of a project's page: `{index}/{normalized name}/`. */
export function projectUrl(indexUrl: string, normalized: string): string {
  return `${indexUrl.replace(/\/+$/, '')}/${normalized}/`;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The files of a PEP 691 JSON page (`base`: the page's URL, for relative links). */
export function parseJsonPage(text: string, base: string): IndexFile[] {
  const page: unknown = JSON.parse(text);
  if (!isRecord(page) || !Array.isArray(page.files)) throw new Error('not a PEP 691 project page');
  return page.files.filter(isRecord).flatMap((file): IndexFile[] => {
    if (typeof file.filename !== 'string' || typeof file.url !== 'string') return [];
    const hashes = isRecord(file.hashes) ? file.hashes : {};
    const metadata = file['core-metadata'] ?? file['dist-info-metadata'];
    return [
      {
        filename: file.filename,
        url: new URL(file.url, base).href,
        sha256: typeof hashes.sha256 === 'string' ? hashes.sha256.toLowerCase() : null,
        requiresPython:
          typeof file['requires-python'] === 'string' ? file['requires-python'] : null,
        hasMetadata: metadata !== undefined && metadata !== false,
        yanked: file.yanked !== undefined && file.yanked !== false,
      },
    ];
  });
}

const ANCHOR = /<a\s([^>]*)>([^<]*)<\/a>/gi;
const ATTRIBUTE = /([a-z-]+)\s*=\s*"([^"]*)"/gi;

function unescapeHtml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

/** The files of a PEP 503 HTML page (`base`: the page's URL, for relative links). */
export function parseHtmlPage(text: string, base: string): IndexFile[] {
  const files: IndexFile[] = [];
  for (const [, attributes = '', name = ''] of text.matchAll(ANCHOR)) {
    const attrs = new Map<string, string>();
    for (const [, key = '', value = ''] of attributes.matchAll(ATTRIBUTE))
      attrs.set(key.toLowerCase(), unescapeHtml(value));
    const href = attrs.get('href');
    if (!href) continue;
    const url = new URL(href, base);
    const fragment = /^#sha256=([0-9a-f]{64})$/i.exec(url.hash);
    url.hash = '';
    const metadata = attrs.get('data-core-metadata') ?? attrs.get('data-dist-info-metadata');
    files.push({
      filename:
        unescapeHtml(name.trim()) || decodeURIComponent(url.pathname.split('/').pop() ?? ''),
      url: url.href,
      sha256: fragment?.[1]?.toLowerCase() ?? null,
      requiresPython: attrs.get('data-requires-python') ?? null,
      hasMetadata: metadata !== undefined && metadata !== 'false',
      yanked: attrs.has('data-yanked'),
    });
  }
  return files;
}

/** The files of a page, by its Content-Type. */
export function parseProjectPage(text: string, contentType: string, base: string): IndexFile[] {
  return contentType.includes('json') ? parseJsonPage(text, base) : parseHtmlPage(text, base);
}
