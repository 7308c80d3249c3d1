/**
 * What `trace APP` names: a file (`app.py`, whose folder is the project) or, as gunicorn takes
 * it, `module:callable` looked up in a folder (`--chdir`, default the current one).
 */
import { parseEntry } from '../project/project.ts';

/** The app a command line names. */
export type AppTarget =
  | {
      kind: 'file';
      /** The file, as given (relative to `--chdir` when one is given). */
      path: string;
      /** `--callable`, if given. */
      callable: string | null;
    }
  | {
      kind: 'entry';
      /** gunicorn's `module:callable` (`--callable` folded in). */
      entry: string;
      /** The folder the module is looked up in. */
      directory: string;
    };

const badCallable = (callable: string | undefined) => ({
  error: `--callable must be a name or a call such as create_app(), not ${callable}`,
});

/** Whether `app` names a file rather than a module (`app.py`, `./app`, `src/app.py`). */
const isFilePath = (app: string): boolean => /\.py$|[/\\]/.test(app);

/** The app that `app`, `--callable` and `--chdir` name, or why they name none. */
export function appTarget(
  app: string,
  callable: string | undefined,
  chdir: string | undefined,
): AppTarget | { error: string } {
  if (isFilePath(app)) {
    const path = chdir !== undefined && !app.startsWith('/') ? `${chdir}/${app}` : app;
    if (callable !== undefined && !parseEntry(`app:${callable}`)) return badCallable(callable);
    return { kind: 'file', path, callable: callable ?? null };
  }
  const parsed = parseEntry(app);
  if (!parsed)
    return {
      error: `${app} is neither a file (app.py) nor module:callable as gunicorn takes it (pkg.web:app)`,
    };
  if (callable !== undefined && parsed.callable !== null)
    return { error: `${app} names its callable already; drop --callable ${callable}` };
  const entry = callable === undefined ? app : `${parsed.module}:${callable}`;
  if (!parseEntry(entry)) return badCallable(callable);
  return { kind: 'entry', entry, directory: chdir ?? '.' };
}
