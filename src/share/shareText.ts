/**
 * The texts the Share menu hands out around a link: the page URL for a fragment (normal or
 * embedded), a Markdown message for a chat or an issue, and the `<iframe>` snippet.
 */
import { DEFAULT_ENTRY, type Project } from '../project/project.ts';

/** The query parameter that switches a page to embed mode: `/?embed#v1/…`. */
export const EMBED_PARAM = 'embed';

/** Whether a page's query string (`location.search`) asks for embed mode. */
export function isEmbedSearch(search: string): boolean {
  return new URLSearchParams(search).has(EMBED_PARAM);
}

/**
 * The URL that opens `fragment` (e.g. `v1/…`) on the page at `pageUrl`, with or without embed
 * mode; other query parameters and the old fragment are dropped.
 */
export function linkFor(pageUrl: string, fragment: string, { embed = false } = {}): string {
  const url = new URL(pageUrl);
  url.search = embed ? `?${EMBED_PARAM}` : '';
  url.hash = fragment;
  return url.href;
}

/** The keys of `settings` whose values differ from `defaults`, with their values. */
export function changedSettings<T extends object>(settings: T, defaults: T): Partial<T> {
  const changed: Partial<T> = {};
  for (const key of Object.keys(settings) as (keyof T)[]) {
    if (settings[key] !== defaults[key]) changed[key] = settings[key];
  }
  return changed;
}

/** A code fence longer than any run of backticks in `code`, so the block cannot end early. */
function fenceFor(code: string): string {
  const longest = Math.max(0, ...(code.match(/`+/g) ?? []).map((run) => run.length));
  return '`'.repeat(Math.max(3, longest + 1));
}

/** The info string of a fenced block for a file of this name (its language, for highlighting). */
const LANGUAGES: Readonly<Record<string, string>> = {
  py: 'python',
  html: 'html',
  htm: 'html',
  json: 'json',
  toml: 'toml',
  cfg: 'ini',
  ini: 'ini',
  txt: 'text',
  md: 'markdown',
  css: 'css',
  js: 'javascript',
  yaml: 'yaml',
  yml: 'yaml',
};

/** Text for inline code: a backtick would end it. */
const inline = (text: string): string => `\`${text.replace(/`/g, '')}\``;

/** What the Markdown message says about the run. */
export interface MarkdownInput {
  url: string;
  project: Project;
  method: string;
  target: string;
  /** The response status of the newest run, if there is one. */
  status?: string | null;
}

/** A link plus each file of the project as a block headed by its path, for a chat or an issue. */
export function toMarkdown({ url, project, method, target, status }: MarkdownInput): string {
  const answer = status ? ` → ${inline(status)}` : '';
  const entry = project.entry === DEFAULT_ENTRY ? '' : ` · entry ${inline(project.entry)}`;
  const files = Object.entries(project.files).map(([path, text]) => {
    const fence = fenceFor(text);
    const language = LANGUAGES[path.split('.').at(-1)?.toLowerCase() ?? ''] ?? '';
    return `${inline(path)}\n\n${fence}${language}\n${text.replace(/\n$/, '')}\n${fence}\n`;
  });
  return `[Open in WSGI Playground](${url}) — ${inline(`${method} ${target}`)}${answer}${entry}\n\n${files.join('\n')}`;
}

/** Escape text for an HTML attribute value in double quotes. */
function attribute(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/"/g, '&quot;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/** The `<iframe>` that embeds a run in a teaching page. */
export function embedSnippet(embedUrl: string, title = 'WSGI Playground'): string {
  return (
    `<iframe src="${attribute(embedUrl)}" title="${attribute(title)}" ` +
    `width="100%" height="600" loading="lazy" ` +
    `style="border: 1px solid #d0d7de; border-radius: 8px"></iframe>`
  );
}
