/** The server object's Python files, bundled as text, to be written into Pyodide's file system. */
const modules = import.meta.glob('../python/wsgi_playground/*.py', {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;

/** Each module of the `wsgi_playground` package: its file name and source text. */
export const SERVER_SOURCES: ReadonlyArray<{ name: string; text: string }> = Object.entries(
  modules,
).map(([path, text]) => ({ name: path.slice(path.lastIndexOf('/') + 1), text }));
