/**
 * A project: the files of an application by path (`app.py`, `pkg/__init__.py`), and its entry
 * in gunicorn's `module:callable` form. One file is a project too: `{ 'app.py': code }`.
 */
import * as v from 'valibot';

/** The entry when none is given: module `app`, callable `application`, else `app`. */
export const DEFAULT_ENTRY = 'app';
/** The callables looked up, in order, when the entry names only a module. */
export const FALLBACK_CALLABLES = ['application', 'app'] as const;
/** The file a new project starts with. */
export const DEFAULT_FILE = 'app.py';
/** At most this many files (each one is a Monaco model and travels in a link). */
export const MAX_FILES = 64;

const MODULE = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;
const CALLABLE = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*(\(.*\))?$/;

/** A file name part with a control character or one that some file systems refuse. */
const awkward = (part: string): boolean =>
  [...part].some((ch) => ch.charCodeAt(0) < 0x20 || ':*?"<>|'.includes(ch));

/** Why `path` cannot be a project file, or null when it can. */
export function pathProblem(path: string): string | null {
  if (path === '') return 'A file needs a name.';
  if (path.startsWith('/') || path.includes('\\'))
    return 'Use a relative path with "/" (pkg/views.py).';
  const parts = path.split('/');
  if (parts.some((part) => part === '' || part === '.' || part === '..'))
    return 'A path has no empty, "." or ".." parts.';
  if (parts.some(awkward)) return 'A file name has no control characters or any of : * ? " < > |.';
  if (path.length > 200) return 'A path is at most 200 characters.';
  return null;
}

/** The module and callable of an entry (`pkg.app:make_app()` → `pkg.app`, `make_app()`). */
export function parseEntry(entry: string): { module: string; callable: string | null } | null {
  const [module = '', callable, ...rest] = entry.trim().split(':');
  if (rest.length > 0 || !MODULE.test(module)) return null;
  if (callable === undefined) return { module, callable: null };
  return CALLABLE.test(callable) ? { module, callable } : null;
}

/** Why `entry` is not a usable `module:callable`, or null. */
export function entryProblem(entry: string): string | null {
  return parseEntry(entry)
    ? null
    : 'The entry is module:callable, as gunicorn takes it (app, app:application, pkg.web:app).';
}

/** The file that holds `module` in `files` (`pkg.views` → `pkg/views.py` or `pkg/views/__init__.py`). */
export function moduleFile(files: Readonly<Record<string, string>>, module: string): string | null {
  const base = module.replaceAll('.', '/');
  for (const candidate of [`${base}.py`, `${base}/__init__.py`]) {
    if (Object.hasOwn(files, candidate)) return candidate;
  }
  return null;
}

/** The module a project file is imported as (`pkg/views.py` → `pkg.views`), or null. */
export function moduleOf(path: string): string | null {
  if (!path.endsWith('.py')) return null;
  const module = path
    .slice(0, -3)
    .replace(/\/__init__$/, '')
    .replaceAll('/', '.');
  return MODULE.test(module) ? module : null;
}

/** The index requirements resolve against when a project names none. */
export const DEFAULT_INDEX_URL = 'https://pypi.org/simple/';
/** At most this many requirements (each line of the Requirements box is one). */
export const MAX_REQUIREMENTS = 100;

/** Why `url` cannot be a package index (PEP 503/691 simple index), or null when it can. */
export function indexUrlProblem(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'The package index is a URL, such as https://pypi.org/simple/.';
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
    return 'The package index is an http:// or https:// URL.';
  if (parsed.username !== '' || parsed.password !== '')
    return 'The package index URL holds no user name or password (a link would carry them).';
  return url.length > 500 ? 'The package index URL is at most 500 characters.' : null;
}

/** A wheel the person added by hand: its bytes stay in the page's IndexedDB, keyed by sha256. */
export const HandWheelEntrySchema = v.object({
  filename: v.pipe(
    v.string(),
    v.check((name) => name.endsWith('.whl') && pathProblem(name) === null && !name.includes('/')),
  ),
  sha256: v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/)),
});

/** A wheel added by hand, as a project lists it. */
export type HandWheelEntry = v.InferOutput<typeof HandWheelEntrySchema>;

/**
 * The project's files by path, its entry, and (each left out when there are none) its
 * requirements, the index they resolve against (left out: `DEFAULT_INDEX_URL`) and the wheels
 * added by hand.
 */
export const ProjectSchema = v.object({
  files: v.pipe(
    v.record(
      v.pipe(
        v.string(),
        v.check((path) => pathProblem(path) === null, 'must be a relative path'),
      ),
      v.string(),
    ),
    v.check((files) => Object.keys(files).length >= 1, 'must hold at least one file'),
    v.check(
      (files) => Object.keys(files).length <= MAX_FILES,
      `must hold at most ${MAX_FILES} files`,
    ),
  ),
  entry: v.pipe(
    v.string(),
    v.check((entry) => parseEntry(entry) !== null, 'must be module:callable'),
  ),
  requirements: v.optional(
    v.pipe(
      v.array(v.string()),
      v.maxLength(MAX_REQUIREMENTS, `must hold at most ${MAX_REQUIREMENTS} requirements`),
    ),
  ),
  indexUrl: v.optional(
    v.pipe(
      v.string(),
      v.check((url) => indexUrlProblem(url) === null, 'must be an http(s) URL'),
    ),
  ),
  handWheels: v.optional(v.array(HandWheelEntrySchema)),
});

/** A project: files by path, the entry, and its packages (see projectPackages.ts). */
export type Project = v.InferOutput<typeof ProjectSchema>;

/** The project of one file (what a run of `code` alone is). */
export function singleFileProject(code: string, filename = DEFAULT_FILE, callable = ''): Project {
  const module = moduleOf(filename) ?? 'app';
  return { files: { [filename]: code }, entry: callable ? `${module}:${callable}` : module };
}

/** The entry file of a project: the file of its entry module, else its first file. */
export function entryFile(project: Project): string {
  const parsed = parseEntry(project.entry);
  const found = parsed && moduleFile(project.files, parsed.module);
  return found ?? Object.keys(project.files)[0] ?? DEFAULT_FILE;
}
