/**
 * A project in a generated Python file: its files as a `FILES` dict of readable literals, and
 * the playground's own loader (`wsgi_playground/project_loader.py` and what it imports), which
 * writes them to a temporary directory first on sys.path and imports the entry as gunicorn does
 * — so a script loads a project exactly as a run did. Shared by the script and the pytest file.
 */
import appLoaderSource from '../python/wsgi_playground/app_loader.py?raw';
import framesSource from '../python/wsgi_playground/frames.py?raw';
import projectSource from '../python/wsgi_playground/project.py?raw';
import projectLoaderSource from '../python/wsgi_playground/project_loader.py?raw';
import type { Project } from '../project/project.ts';
import { pyBlock, pyStr } from './pythonLiteral.ts';

/**
 * A module's code for a file that holds several: without its docstring (a heading stands
 * instead) and without its imports of the package's other modules (the file has them all).
 */
export function moduleBody(source: string): string {
  return source
    .replace(/^"""[\s\S]*?"""\n+/, '')
    .replace(/^from \.\w* import (\([^)]*\)|.*)\n/gm, '')
    .trimEnd();
}

/** A module of the playground under a heading that says where it comes from and what it does. */
export function pySection(path: string, what: string, source: string): string {
  const title = `# -- from the playground: ${path} (${what}) `;
  return `${title.padEnd(96, '-')}\n\n${moduleBody(source)}`;
}

/** The loader: `ProjectDir(Project(FILES, ENTRY))`, `load_application(directory)`, `LoadError`. */
export const PROJECT_LOADER = [
  pySection('wsgi_playground/app_loader.py', 'load errors, the callables', appLoaderSource),
  pySection('wsgi_playground/project.py', 'files and entry', projectSource),
  pySection('wsgi_playground/frames.py', "the project's files on the stack", framesSource),
  pySection('wsgi_playground/project_loader.py', 'write the files, import', projectLoaderSource),
].join('\n\n\n');

/** `FILES = {path: text, …}` and `ENTRY = "module:callable"`, as Python statements. */
export function pyProject(project: Project): string {
  const files = Object.entries(project.files)
    .map(([path, text]) => `    ${pyStr(path)}: ${pyBlock(text)},`)
    .join('\n');
  return `#: The project's files by path, exactly as they were in the playground.
FILES = {
${files}
}

#: The entry, as gunicorn takes it: module:callable (a module alone: application, then app).
ENTRY = ${pyStr(project.entry)}`;
}
